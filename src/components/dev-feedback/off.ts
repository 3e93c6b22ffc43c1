/**
 * `virtual:kb/dev-feedback` in a build (see src/integrations/dev-feedback.ts): nothing,
 * so no panel markup, script or stylesheet can reach the built site.
 */
export const ProblemsPanel = undefined;

export function assertParses(_filePath: string | undefined): void {}
