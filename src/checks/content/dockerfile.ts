/**
 * Checks a Dockerfile snippet with dockerfile-utils' validator, the one behind the Dockerfile
 * language server. It parses with dockerfile-ast (same author, same release line) and knows each
 * instruction's arguments and flags (`COPY` needs a source and a destination, `EXPOSE` a port,
 * `RUN --mount` its keys), which a list of instruction names could not. Its warnings (lowercase
 * instructions, deprecated MAINTAINER, JSON in single quotes, a relative WORKDIR) are reported
 * too: readers copy these files as they are.
 */
import { validate, ValidationCode } from 'dockerfile-utils';
import type { SnippetFailure } from './snippets.ts';

export function checkDockerfile(code: string): SnippetFailure | undefined {
  const [first] = validate(code).sort((a, b) => a.range.start.line - b.range.start.line);
  if (!first) return undefined;
  // "No source image provided with `FROM`" is about the whole file: it carries no useful line.
  const line = first.code === ValidationCode.NO_SOURCE_IMAGE ? undefined : first.range.start.line + 1;
  return { line, message: `Dockerfile: ${first.message}` };
}
