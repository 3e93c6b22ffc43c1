/**
 * Token colours as classes instead of inline styles, so pages need no `style-src
 * 'unsafe-inline'` (see src/lib/csp.ts) and are smaller: with two themes Shiki writes
 * `style="--shiki-light:#CF222E;--shiki-dark:#FF7B72"` on every token; we write
 * `class="l-cf222e d-ff7b72"` and one stylesheet defines each class.
 *
 * Why not Shiki's own transformerStyleToClass: it names classes by hashing the styles
 * it meets while highlighting and only knows its stylesheet after the last block is
 * highlighted. Here the stylesheet must be known before any page renders (Vite bundles
 * it with the other CSS, the dev server serves it, and a page whose body comes from a
 * render cache still finds its classes). A theme has a dozen colours, so we name one
 * class per colour and theme and derive the whole stylesheet from the themes alone.
 */
import { normalizeTheme, type ShikiTransformer, type ThemeRegistration } from 'shiki';
import type { Element } from 'hast';

export interface CodeThemes {
  light: ThemeRegistration;
  dark: ThemeRegistration;
}

/** The class prefix for each Shiki CSS variable we keep; `l-cf222e` sets `--shiki-light: #cf222e`. */
const VARIABLE_CLASS: Record<string, 'l' | 'd'> = { '--shiki-light': 'l', '--shiki-dark': 'd' };
/**
 * Variables Shiki writes that src/styles/code.css never reads: dropped rather than turned
 * into classes nobody styles. Token font styles (italic Markdown emphasis) and token
 * backgrounds were never shown, so the page looks exactly as before.
 */
const UNUSED_VARIABLE = /^--shiki-(light|dark)-(bg|font-style|font-weight|text-decoration)$/;

const colourClass = (prefix: string, colour: string) => `${prefix}-${colour.slice(1).toLowerCase()}`;

function themeColours(theme: ThemeRegistration): { fg: string; colours: Set<string> } {
  const normal = normalizeTheme(theme);
  const colours = new Set<string>([normal.fg.toLowerCase()]);
  for (const rule of normal.settings) {
    const foreground = rule.settings?.foreground;
    if (foreground?.startsWith('#')) colours.add(foreground.toLowerCase());
  }
  return { fg: normal.fg.toLowerCase(), colours };
}

/** Every token class and the declaration it stands for: one per colour of each theme. */
function tokenClassRules(themes: CodeThemes): Map<string, string> {
  const rules = new Map<string, string>();
  for (const [prefix, theme] of [
    ['l', themes.light],
    ['d', themes.dark],
  ] as const) {
    const variable = prefix === 'l' ? '--shiki-light' : '--shiki-dark';
    for (const colour of [...themeColours(theme).colours].sort()) {
      rules.set(colourClass(prefix, colour), `${variable}:${colour}`);
    }
  }
  return rules;
}

/**
 * The stylesheet for {@link tokenClasses}, served as `virtual:kb/code-tokens.css`
 * (src/integrations/code-token-styles.ts): the token classes, and the themes' text
 * colours on the block itself (what a line or marker without a token class shows).
 */
export function tokenStylesheet(themes: CodeThemes): string {
  const block = `.astro-code{--shiki-light:${themeColours(themes.light).fg};--shiki-dark:${themeColours(themes.dark).fg}}`;
  const rules = [...tokenClassRules(themes)].map(([name, declaration]) => `.${name}{${declaration}}`);
  return `/* Generated from src/markdown/themes.ts by src/markdown/token-classes.ts */\n${[block, ...rules].join('\n')}\n`;
}

function addClass(node: Element, name: string): void {
  const current = node.properties.class;
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(' ') : [];
  if (!list.includes(name)) list.push(name);
  node.properties.class = list.join(' ');
}

/**
 * Moves every style Shiki (and Astro's wrapper around it) writes into classes. It must run
 * after Astro's own transformer, which it does as one of `shikiConfig.transformers`: Astro
 * puts its own first and appends ours.
 */
export function tokenClasses(themes: CodeThemes): ShikiTransformer {
  const known = tokenClassRules(themes);
  return {
    name: 'kb:token-classes',
    tokens(lines) {
      for (const line of lines) {
        for (const token of line) {
          const style = token.htmlStyle;
          if (!style) continue;
          const classes: string[] = [];
          for (const [variable, value] of Object.entries(style)) {
            if (UNUSED_VARIABLE.test(variable) || value === 'inherit') continue;
            const prefix = VARIABLE_CLASS[variable];
            const name = prefix && value.startsWith('#') ? colourClass(prefix, value) : undefined;
            if (!name || !known.has(name)) {
              throw new Error(
                `kb:token-classes: Shiki produced the style "${variable}:${value}", which has no class; ` +
                  'keep shikiConfig.defaultColor false and the themes in src/markdown/themes.ts, or extend tokenStylesheet()',
              );
            }
            classes.push(name);
          }
          token.htmlStyle = {};
          if (classes.length) {
            token.htmlAttrs ??= {};
            token.htmlAttrs.class = [token.htmlAttrs.class, ...classes].filter(Boolean).join(' ');
          }
        }
      }
    },
    line(line) {
      // Astro's transformer marks the +/- of a diff line with an inline user-select style.
      for (const child of line.children) {
        if (child.type !== 'element') continue;
        for (const inner of child.children) {
          if (inner.type === 'element' && inner.properties.style === 'user-select: none;') {
            delete inner.properties.style;
            addClass(inner, 'diff-marker');
          }
        }
      }
    },
    pre(pre) {
      // The theme colours and backgrounds and Astro's `overflow-x: auto` live in
      // src/styles/code.css and the stylesheet above.
      delete pre.properties.style;
    },
  };
}
