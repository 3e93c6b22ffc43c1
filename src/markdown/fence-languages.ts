/**
 * Fails the build on a fence with no language or an unknown one. Shiki alone only
 * warns and falls back to plain text, which ships an unhighlighted block nobody notices.
 */
import type { MdastPluginDefinition } from 'satteri';
import { FENCE_LANGUAGES, isKnownFenceLanguage } from './languages.ts';
import { closestMatches } from '../shared/edit-distance.ts';

export function fenceLanguageProblem(lang: string | null | undefined): string | undefined {
  if (!lang)
    return 'code fence has no language; name one after the backticks, e.g. ```bash (use ```text for plain output)';
  if (isKnownFenceLanguage(lang)) return undefined;
  if (lang === 'diagram')
    return (
      'the YAML ```diagram fence was retired; write the diagram as a ```mermaid fence with caption="…" (see ' +
      'CONTRIBUTING.md, Diagrams)'
    );
  const guess = closestMatches(lang, Object.keys(FENCE_LANGUAGES), 1)[0];
  return (
    `unknown code fence language '${lang}'${guess ? `; did you mean '${guess}'?` : ''} Known: ` +
    `${Object.keys(FENCE_LANGUAGES).join(', ')}, mermaid, math`
  );
}

export const fenceLanguages: MdastPluginDefinition = {
  name: 'kb:fence-languages',
  options: { position: true },
  code(node, ctx) {
    const problem = fenceLanguageProblem(node.lang);
    if (!problem) return;
    const file = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : 'content';
    const line = node.position?.start.line ?? 0;
    throw new Error(`${file}:${line} ${problem}`);
  },
};
