/**
 * The site's one locale setting (site.locale in src/site.config.ts, a BCP 47 tag such as
 * en-GB) in the forms each consumer wants, so they cannot drift apart.
 */
import { site } from '../site.config.ts';

export interface LocaleForms {
  /** BCP 47 tag, for Intl (dates, numbers): en-GB. */
  tag: string;
  /** The language alone: <html lang>, Pagefind's stemming language. */
  language: string;
  /** Open Graph's og:locale form: en_GB. */
  openGraph: string;
}

export function localeForms(tag: string): LocaleForms {
  const [language = tag, region] = tag.split('-');
  return { tag, language, openGraph: region ? `${language}_${region.toUpperCase()}` : language };
}

export const locale: LocaleForms = localeForms(site.locale);
