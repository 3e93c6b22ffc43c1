/**
 * Placeholder text that `npm run new` writes (src/lib/scaffold.ts) starts with this marker.
 * The content check rejects it in a published article (src/checks/content), so a forgotten
 * placeholder stops the build instead of shipping; in a draft it is allowed, which is what
 * lets the scaffold pass the check.
 */
export const PLACEHOLDER_MARKER = 'TODO:';
