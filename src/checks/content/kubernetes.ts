/**
 * Validates Kubernetes manifests in YAML fences against the Kubernetes API schema, offline.
 *
 * A document with `apiVersion` and `kind` of a built-in API group (apps/v1 Deployment, v1
 * ConfigMap, rbac.authorization.k8s.io/v1 Role, …) is checked two ways, both from
 * kubernetes-models, which is generated from the Kubernetes OpenAPI spec:
 * - its validator (Ajv, compiled from the spec) for types, required fields and enums;
 * - its type declarations for unknown fields. The spec has no `additionalProperties: false`, so
 *   the validator accepts `spec.replica: 3` silently, while kubectl and the API server reject or
 *   drop it. The declarations list every field of every type, so we read them with TypeScript's
 *   parser (only the files a manifest reaches, once each) instead of keeping our own field list.
 * Custom resources (kyverno.io, gatekeeper.sh, …) have no model and are skipped.
 *
 * Everything loads lazily: a site with no manifest never imports kubernetes-models or TypeScript.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { editDistance } from '../../shared/edit-distance.ts';
import type { SnippetFailure } from './snippets.ts';

/** The shape of a field's value as the type declarations give it. */
type Shape =
  { kind: 'object'; file: string } | { kind: 'array'; of: Shape } | { kind: 'map'; of: Shape } | { kind: 'leaf' };

interface ObjectFields {
  /** Field name → its shape; undefined for a type alias (Quantity, Time, IntOrString, JSON). */
  fields: Map<string, Shape> | undefined;
}

interface ModelClass {
  kind?: string;
  apiVersion?: string;
  new (data: unknown): { validate(): void };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

// apiVersion is `v1` (the core group) or `<group>/<version>`; kind is a Go type name. Anything
// else cannot name a model file, and a crafted value must never reach the module resolver.
const API_VERSION = /^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*\/)?v\d+(?:(?:alpha|beta)\d+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

const models = new Map<string, Promise<ModelClass | undefined>>();
const declarations = new Map<string, Promise<ObjectFields>>();
let typescript: Promise<typeof import('typescript')> | undefined;

/** Lets go of the loaded models and parsed declarations (see releaseSpellingDictionary: same reason). */
export function releaseKubernetesModels(): void {
  models.clear();
  declarations.clear();
  typescript = undefined;
}

let root: string | undefined;
/** The folder kubernetes-models is installed in. */
function modelsRoot(): string {
  return (root ??= dirname(fileURLToPath(import.meta.resolve('kubernetes-models'))));
}

/** The kubernetes-models class for apiVersion + kind, or undefined for a custom resource. */
function modelFor(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  let model = models.get(key);
  if (!model) {
    // kubernetes-models has one file per kind under its group/version folder; no file, no model
    // (a custom resource). Asking the file system keeps the answer the same under every loader.
    const file = join(modelsRoot(), apiVersion, `${kind}.js`);
    model = existsSync(file)
      ? import(`kubernetes-models/${apiVersion}/${kind}`).then((module: Record<string, ModelClass>) => {
          const found = module[kind];
          // A file such as v1/PodSpec is a model too, but not a top-level kind.
          return found?.kind === kind && found.apiVersion === apiVersion ? found : undefined;
        })
      : Promise.resolve(undefined);
    models.set(key, model);
  }
  return model;
}

/** The .d.ts beside a module's .js file. */
function declarationFile(specifier: string, from?: string): string {
  if (from && specifier.startsWith('.')) return resolvePath(dirname(from), specifier).replace(/\.js$/, '.d.ts');
  return fileURLToPath(import.meta.resolve(specifier)).replace(/\.js$/, '.d.ts');
}

/** The fields of the interface a kubernetes-models declaration file exports. */
function fieldsIn(file: string): Promise<ObjectFields> {
  let fields = declarations.get(file);
  if (!fields) {
    fields = (async () => {
      const ts = await (typescript ??= import('typescript').then(
        (m) => (m as { default?: typeof import('typescript') }).default ?? m,
      ));
      const source = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest);
      const imports = new Map<string, string>();
      let declared: import('typescript').InterfaceDeclaration | undefined;
      for (const statement of source.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
          const bindings = statement.importClause?.namedBindings;
          if (bindings && ts.isNamedImports(bindings))
            for (const element of bindings.elements) imports.set(element.name.text, statement.moduleSpecifier.text);
        } else if (ts.isInterfaceDeclaration(statement) && !declared) declared = statement;
      }
      if (!declared) return { fields: undefined };
      const shapeOf = (type: import('typescript').TypeNode | undefined): Shape => {
        if (!type) return { kind: 'leaf' };
        if (ts.isArrayTypeNode(type)) return { kind: 'array', of: shapeOf(type.elementType) };
        if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
          const name = type.typeName.text;
          if (name === 'Array') return { kind: 'array', of: shapeOf(type.typeArguments?.[0]) };
          const specifier = imports.get(name);
          if (specifier && specifier !== '@kubernetes-models/base')
            return { kind: 'object', file: declarationFile(specifier, file) };
        }
        if (ts.isTypeLiteralNode(type)) {
          const index = type.members.find(ts.isIndexSignatureDeclaration);
          if (index) return { kind: 'map', of: shapeOf(index.type) };
        }
        return { kind: 'leaf' };
      };
      const map = new Map<string, Shape>();
      for (const member of declared.members) {
        if (ts.isPropertySignature(member) && (ts.isStringLiteral(member.name) || ts.isIdentifier(member.name)))
          map.set(member.name.text, shapeOf(member.type));
      }
      // Top-level kinds extend TypeMeta (apiVersion, kind), which their interface redeclares.
      return { fields: map };
    })();
    declarations.set(file, fields);
  }
  return fields;
}

type PathSegment = string | number;

interface UnknownField {
  path: PathSegment[];
  name: string;
  known: string[];
}

/** Every field of `value` that its type does not declare, depth first. */
async function unknownFields(value: unknown, shape: Shape, path: PathSegment[], found: UnknownField[]): Promise<void> {
  if (shape.kind === 'array' && Array.isArray(value)) {
    for (const [i, item] of value.entries()) await unknownFields(item, shape.of, [...path, i], found);
  } else if (shape.kind === 'map' && value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) await unknownFields(item, shape.of, [...path, key], found);
  } else if (shape.kind === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const { fields } = await fieldsIn(shape.file);
    if (!fields) return;
    for (const [key, item] of Object.entries(value)) {
      const field = fields.get(key);
      if (field) await unknownFields(item, field, [...path, key], found);
      else found.push({ path, name: key, known: [...fields.keys()] });
    }
  }
}

/**
 * The known field nearest to a misspelt one, if any is near. By edit distance alone: the
 * shared closestMatches also favours prefixes, which for fields would offer `image` for
 * `imagePullPolicey`.
 */
function closestField(name: string, known: readonly string[]): string | undefined {
  const max = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), max);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** `spec.template.spec.containers[0]`, the way kubectl explain names a field. */
function dotted(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

function lineOfNode(node: YamlNode | undefined, lines: LineCounter): number | undefined {
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

/** The line of the key `name` in the mapping at `path`, else of the mapping itself. */
function lineOfKey(
  doc: Document,
  path: readonly PathSegment[],
  name: string | undefined,
  lines: LineCounter,
): number | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (name !== undefined && isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === name);
    const line = lineOfNode(pair?.key as YamlNode | undefined, lines);
    if (line) return line;
  }
  if (isMap(parent) || isSeq(parent) || (parent && typeof parent === 'object' && 'range' in parent))
    return lineOfNode(parent as YamlNode, lines);
  return undefined;
}

function describeAjvError(error: AjvError): { path: PathSegment[]; name?: string; message: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length ? dotted(path) : 'the document';
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    return {
      path: path.slice(0, -1),
      name: path.length ? String(path.at(-1)) : undefined,
      message: `${where} needs the field ${missing}`,
    };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
    return { path: path.slice(0, -1), name: String(path.at(-1)), message: `${where} must be one of ${allowed}` };
  }
  if (error.keyword === 'type') {
    return {
      path: path.slice(0, -1),
      name: String(path.at(-1)),
      message: `${where} must be ${error.params.type === 'integer' ? 'an integer' : `a ${String(error.params.type)}`}`,
    };
  }
  return { path: path.slice(0, -1), name: String(path.at(-1)), message: `${where} ${error.message ?? 'is not valid'}` };
}

/**
 * Every schema problem in the Kubernetes manifests of a YAML snippet that already parses, in
 * line order. Documents that are not built-in Kubernetes objects are skipped.
 */
export async function kubernetesProblems(code: string): Promise<Array<Required<SnippetFailure>>> {
  const lines = new LineCounter();
  const failures: Array<Required<SnippetFailure>> = [];
  for (const doc of parseAllDocuments(code, { lineCounter: lines })) {
    if (!('errors' in doc) || doc.errors.length) continue;
    const object: unknown = doc.toJS();
    if (!object || typeof object !== 'object' || Array.isArray(object)) continue;
    const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !API_VERSION.test(apiVersion) || !KIND.test(kind))
      continue;
    const Model = await modelFor(apiVersion, kind);
    if (!Model) continue;
    const subject = `Kubernetes ${kind}`;
    const firstLine = lineOfNode(doc.contents as YamlNode, lines) ?? 1;
    try {
      new Model(object).validate();
    } catch (e) {
      const errors = (e as { errors?: AjvError[] }).errors ?? [];
      for (const error of errors) {
        const described = describeAjvError(error);
        failures.push({
          line: lineOfKey(doc, described.path, described.name, lines) ?? firstLine,
          message: `${subject}: ${described.message}`,
        });
      }
      if (!errors.length) failures.push({ line: firstLine, message: `${subject}: ${(e as Error).message}` });
    }
    const unknown: UnknownField[] = [];
    const modelFile = declarationFile(`kubernetes-models/${apiVersion}/${kind}`);
    await unknownFields(object, { kind: 'object', file: modelFile }, [], unknown);
    for (const field of unknown) {
      const closest = closestField(field.name, field.known);
      const where = field.path.length ? dotted(field.path) : 'the top level';
      failures.push({
        line: lineOfKey(doc, field.path, field.name, lines) ?? firstLine,
        message:
          `${subject}: ${where} has no field '${field.name}'; ` +
          `${closest ? `the closest is '${closest}'` : `its fields are ${field.known.join(', ')}`}`,
      });
    }
  }
  return failures.sort((a, b) => a.line - b.line);
}

/** The first schema problem of the snippet's manifests (the snippet check reports one per fence). */
export async function checkKubernetesManifests(code: string): Promise<SnippetFailure | undefined> {
  return (await kubernetesProblems(code))[0];
}
