/**
 * Draws one preview card to PNG: satori lays the element tree out and turns text into
 * glyph outlines (SVG), resvg rasterises it. Both are well-kept, install from npm with
 * their binaries inside the packages, and need no browser. The font is Inter from
 * @fontsource/inter (OFL), read from node_modules: nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_FONT, cardTree, type PreviewCard } from '../../lib/preview-image.ts';
import { PREVIEW_IMAGE_SIZE } from '../../lib/routes.ts';

const require = createRequire(import.meta.url);

// Latin and Latin Extended cover the site's languages; satori falls back across the list glyph by glyph.
const FONT_FILES = [400, 700].flatMap((weight) =>
  ['latin', 'latin-ext'].map((subset) => ({
    weight,
    file: `@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`,
  })),
);

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: SatoriFont[] | undefined;
function loadFonts(): SatoriFont[] {
  fonts ??= FONT_FILES.map(({ weight, file }) => ({
    name: CARD_FONT,
    data: readFileSync(require.resolve(file)),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }));
  return fonts;
}

/** Versions of everything that changes the pixels besides the card itself (part of the cache key). */
export function rendererVersion(): string {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  return ['satori', '@resvg/resvg-js', '@fontsource/inter'].map((p) => `${p}@${version(p)}`).join(' ');
}

export async function cardSvg(card: PreviewCard): Promise<string> {
  return satori(cardTree(card) as never, { ...PREVIEW_IMAGE_SIZE, fonts: loadFonts() });
}

export async function renderCard(card: PreviewCard): Promise<Buffer> {
  const svg = await cardSvg(card);
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
