/**
 * Gives h2–h6 the same GitHub-style ids Astro would (so links written by hand and the
 * table of contents agree) and a visible-on-hover-and-focus anchor link next to each.
 * The link sits beside the heading, not inside it, so the heading's text (used for the
 * TOC and by screen readers' heading lists) stays clean. Starlight does the same.
 */
import GithubSlugger from 'github-slugger';
import type { Element } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/** The wrapper's class for a heading of tag `h2`…`h6`. */
export const headingWrapClass = (tagName: string): string => `heading-wrap level-${tagName}`;
export const HEADING_ANCHOR_CLASS = 'heading-anchor';
/** What a screen reader hears for the anchor link. */
export const anchorLabel = (text: string): string => `Section titled “${text}”`;

export function headingAnchors(): () => HastPluginDefinition {
  return () => {
    const slugger = new GithubSlugger();
    return {
      name: 'kb:heading-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx): Element {
          const existing = node.properties?.id;
          const text = ctx.textContent(node);
          const id = typeof existing === 'string' ? existing : slugger.slug(text);
          return {
            type: 'element',
            tagName: 'div',
            properties: { class: headingWrapClass(node.tagName) },
            children: [
              { ...node, properties: { ...node.properties, id } },
              {
                type: 'element',
                tagName: 'a',
                // Not indexed: its screen-reader text would otherwise show up in search excerpts.
                properties: { class: HEADING_ANCHOR_CLASS, href: `#${id}`, 'data-pagefind-ignore': '' },
                children: [
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { 'aria-hidden': 'true' },
                    children: [{ type: 'text', value: '#' }],
                  },
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { class: 'sr-only' },
                    children: [{ type: 'text', value: anchorLabel(text) }],
                  },
                ],
              },
            ],
          };
        },
      },
    };
  };
}
