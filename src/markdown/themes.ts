/**
 * The two Shiki themes, switched by CSS variables. GitHub's "default" themes meet WCAG
 * AA on their own backgrounds except one colour: light comments (#6e7781) pass on
 * white by a hair (4.55:1) and fail on the tinted backgrounds of highlighted and diff
 * lines. We darken that one colour to the site's muted text colour (6.1:1 on white).
 *
 * Both are normalized once here. Astro hands Shiki the theme objects on every code
 * block, and Shiki normalizes and re-parses a theme object it has not seen normalized
 * (two full theme parses per block, a few percent of a large build); a normalized
 * theme is recognised and reused.
 */
import githubDark from 'shiki/themes/github-dark-default.mjs';
import githubLight from 'shiki/themes/github-light-default.mjs';
import { normalizeTheme, type ThemeRegistration } from 'shiki';

function recolour(theme: ThemeRegistration, from: string, to: string, name: string): ThemeRegistration {
  const json = JSON.stringify(theme).replaceAll(new RegExp(from, 'gi'), to);
  return { ...(JSON.parse(json) as ThemeRegistration), name };
}

export const lightTheme = normalizeTheme(recolour(githubLight, '#6e7781', '#59636e', 'kb-light')) as ThemeRegistration;
export const darkTheme = normalizeTheme({ ...githubDark, name: 'kb-dark' }) as ThemeRegistration;
