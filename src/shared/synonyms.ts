/**
 * DevOps abbreviations and alternative names, each mapped to the words the articles use.
 * Search expands them before a query reaches Pagefind (src/shared/search-query.ts), and the
 * frontmatter schema suggests the real tag for one (`tags: [k8s]` → did you mean 'kubernetes'?).
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  k8s: 'kubernetes',
  kube: 'kubernetes',
  tf: 'terraform',
  tofu: 'terraform',
  opentofu: 'terraform',
  gk: 'gatekeeper',
  gha: 'github actions',
  iac: 'infrastructure code',
  aft: 'account factory',
  ct: 'control tower',
  vap: 'validatingadmissionpolicy',
  asg: 'auto scaling group',
  asgs: 'auto scaling group',
  sa: 'service account',
  svc: 'service',
  pvc: 'persistentvolumeclaim',
  cm: 'configmap',
  ns: 'namespace',
  ai: 'agent',
  rustlang: 'rust',
  golang: 'go',
  py: 'python',
  yml: 'yaml',
  cicd: 'ci',
  'ci/cd': 'ci',
  devsecops: 'security',
  daas: 'devops service',
  'k8s.io': 'kubernetes',
};
