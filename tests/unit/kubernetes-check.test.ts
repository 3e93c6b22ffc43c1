import { describe, expect, it } from 'vitest';
import { kubernetesProblems } from '../../src/checks/content/kubernetes.ts';

// Manifests in YAML fences are checked against kubernetes-models: its validator for types,
// enums and required fields, its type declarations for unknown fields. Lines are the
// snippet's own (1-based); the content check adds the fence's line.
const deployment = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    any-label: allowed
spec:
${spec}`;
const validSpec = `  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.29
          resources:
            limits:
              cpu: 500m
              memory: 128Mi`;

describe('Kubernetes manifests', () => {
  it('accepts a valid Deployment, including free-form labels and quantities', async () => {
    expect(await kubernetesProblems(deployment(validSpec))).toEqual([]);
  }, 30_000);

  it('reports an unknown field at its own line, with the closest real field', async () => {
    const spec = validSpec.replace(
      '          image: nginx:1.29',
      '          image: nginx:1.29\n          imagePullPolicey: Always',
    );
    expect(await kubernetesProblems(deployment(spec))).toEqual([
      {
        line: 20,
        message:
          "Kubernetes Deployment: spec.template.spec.containers[0] has no field 'imagePullPolicey'; the closest is 'imagePullPolicy'",
      },
    ]);
  });

  it('reports an unknown top-level field with the fields there are', async () => {
    expect(
      await kubernetesProblems('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nvalues:\n  a: b\n'),
    ).toEqual([
      {
        line: 5,
        message:
          "Kubernetes ConfigMap: the top level has no field 'values'; its fields are apiVersion, binaryData, data, " +
          'immutable, kind, metadata',
      },
    ]);
  });

  it('reports wrong types, values outside an enum and missing required fields', async () => {
    const spec = validSpec
      .replace('replicas: 2', 'replicas: two')
      .replace('          image: nginx:1.29', '          image: nginx:1.29\n          imagePullPolicy: Sometimes')
      .replace(/  selector:\n    matchLabels:\n      app: web\n/, '');
    expect(await kubernetesProblems(deployment(spec))).toEqual([
      { line: 7, message: 'Kubernetes Deployment: spec needs the field selector' },
      { line: 8, message: 'Kubernetes Deployment: spec.replicas must be an integer' },
      {
        line: 17,
        message:
          'Kubernetes Deployment: spec.template.spec.containers[0].imagePullPolicy must be one of Always, IfNotPresent, Never',
      },
    ]);
  });

  it('checks every document of a multi-document snippet, at the right line', async () => {
    const code =
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: jobs\n---\napiVersion: v1\nkind: ` +
      `ServiceAccount\nmetadata:\n  name: runner\n  namespace: jobs\nautomountServiceAccountTokn: false\n`;
    expect(await kubernetesProblems(code)).toEqual([
      {
        line: 11,
        message:
          "Kubernetes ServiceAccount: the top level has no field 'automountServiceAccountTokn'; the closest is " +
          "'automountServiceAccountToken'",
      },
    ]);
  });

  it('skips custom resources, objects that are not top-level kinds, and YAML that is not a manifest', async () => {
    expect(await kubernetesProblems('apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nspec:\n  anything: 1\n')).toEqual(
      [],
    );
    expect(await kubernetesProblems('apiVersion: v1\nkind: PodSpec\nnotAField: 1\n')).toEqual([]);
    expect(await kubernetesProblems('apiVersion: ../v1\nkind: Pod\nnotAField: 1\n')).toEqual([]);
    expect(await kubernetesProblems('name: ci\non: [push]\n')).toEqual([]);
  });
});
