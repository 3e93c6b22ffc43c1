/**
 * `$…$` and `$$…$$` become MathML at build time (temml): no client JavaScript and no
 * math fonts to download; every current browser renders MathML Core.
 */
import temml from 'temml';
import type { MdastPluginDefinition, MdastVisitorContext } from 'satteri';

export function renderMath(tex: string, displayMode: boolean): string {
  // throwOnError: a typo in a formula should fail the build, not ship red text.
  const mathml = temml.renderToString(tex, { displayMode, throwOnError: true });
  if (!displayMode) return mathml;
  // temml puts `style="display:block math;"` on display formulas; a page allows no inline
  // style (src/lib/csp.ts), so article.css sets it on .tml-display instead.
  return `<div class="math-display">${mathml.replace(' style="display:block math;"', '')}</div>`;
}

function replaceWithMarkup(node: object, markup: string, ctx: MdastVisitorContext): void {
  if (ctx.sourceFormat === 'mdx') {
    // Parsed into JSX with expressions off: MathML is full of braces MDX must not evaluate.
    ctx.replaceNode(node as never, { raw: markup, mdxExpressions: false });
  } else {
    ctx.replaceNode(node as never, { type: 'html', value: markup });
  }
}

export const math: MdastPluginDefinition = {
  name: 'kb:math',
  math(node, ctx) {
    replaceWithMarkup(node, renderMath(node.value, true), ctx);
  },
  inlineMath(node, ctx) {
    replaceWithMarkup(node, renderMath(node.value, false), ctx);
  },
};
