/**
 * The preview image (og:image) shown when a page is shared in chat: its content and its
 * layout, as the element tree satori takes (satori reads plain objects, so no JSX).
 * Pure: src/integrations/preview-images renders it, caches it by `cardKey` and writes it.
 *
 * Light theme, the site's colours, and few, large words, so the card is still legible
 * as a 300-pixel thumbnail. satori draws text as glyph outlines, so a title such as
 * `<script>…` is only ever pictures of those characters.
 */
import { PREVIEW_IMAGE_SIZE } from './routes.ts';

export interface PreviewCard {
  title: string;
  /** Small line above the title: the topic for an article, a tagline for the home page. */
  kicker: string;
  /** Words in the pill under the title (the level), or none. */
  badge?: string;
  siteName: string;
}

/** Fewer, larger words for short titles; long ones step down so they fit in four lines. */
export function titleSize(title: string): number {
  if (title.length <= 40) return 76;
  if (title.length <= 70) return 64;
  return 52;
}

export const CARD_FONT = 'Inter';
const COLOURS = { bg: '#ffffff', fg: '#1f2328', muted: '#59636e', accent: '#0550ae', accentSoft: '#ddf4ff' };

export interface CardNode {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardNode | CardNode[] };
}

const div = (style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: { style, ...(children === undefined ? {} : { children }) },
});

export function cardTree(card: PreviewCard): CardNode {
  const { width, height } = PREVIEW_IMAGE_SIZE;
  const padX = 80;
  return div(
    { width, height, display: 'flex', flexDirection: 'column', background: COLOURS.bg, fontFamily: CARD_FONT },
    [
      div({ width, height: 16, background: COLOURS.accent }),
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flexGrow: 1,
          paddingTop: 56,
          paddingBottom: 56,
          paddingLeft: padX,
          paddingRight: padX,
          color: COLOURS.fg,
        },
        [
          div({ display: 'flex', fontSize: 34, fontWeight: 700, color: COLOURS.accent }, card.kicker),
          div(
            {
              display: 'flex',
              width: width - 2 * padX,
              fontSize: titleSize(card.title),
              fontWeight: 700,
              lineHeight: 1.15,
              letterSpacing: '-0.01em',
            },
            card.title,
          ),
          div({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 32 }, [
            div({ display: 'flex', color: COLOURS.muted, fontWeight: 400 }, card.siteName),
            ...(card.badge
              ? [
                  div(
                    {
                      display: 'flex',
                      background: COLOURS.accentSoft,
                      color: COLOURS.accent,
                      fontWeight: 700,
                      paddingTop: 8,
                      paddingBottom: 8,
                      paddingLeft: 24,
                      paddingRight: 24,
                      borderRadius: 999,
                    },
                    card.badge,
                  ),
                ]
              : []),
          ]),
        ],
      ),
    ],
  );
}

/**
 * What decides an image's pixels besides the renderer's version: the whole laid-out
 * tree, so any change to the text or to the layout code redraws, and nothing else does.
 */
export const cardKey = (card: PreviewCard): string => JSON.stringify(cardTree(card));

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const articleCard = (input: {
  title: string;
  topicLabel: string;
  level: string;
  siteName: string;
}): PreviewCard => ({
  title: input.title,
  kicker: input.topicLabel,
  badge: capitalise(input.level),
  siteName: input.siteName,
});
