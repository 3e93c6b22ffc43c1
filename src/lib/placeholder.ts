/**
 * Placeholder text that `npm run new` writes (src/lib/scaffold.ts) starts with this marker.
 * The content check rejects it in a published article (src/checks/content), so a forgotten
 * placeholder stops the build instead of shipping; in a draft it is allowed, which is what
 * lets the scaffold pass the check.
 */
export const PLACEHOLDER_MARKER = 'TODO:';

/**
 * What `npm run new` writes for a topic, tag or level the writer has not chosen yet
 * (Enter at the prompt, or no terminal to ask in). The schema accepts it in a draft so
 * the draft still builds and previews, and refuses it once the article is published.
 */
export const FIELD_PLACEHOLDER = 'TODO';
