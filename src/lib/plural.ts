import { locale } from './locale.ts';

/** "1 error", "2 errors", "1,204 links": a count and its noun, for reports. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString(locale.tag)} ${word}${count === 1 ? '' : 's'}`;
}
