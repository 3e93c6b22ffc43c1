import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Prettier wraps code at 120 columns but never breaks a string or a comment; this keeps the
// rest readable side by side too. Content, fixtures and JSON data are not source.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAX = 140;
const SOURCE = /\.(ts|mts|mjs|js|astro|css)$/;
const FOLDERS = ['src', 'scripts', 'tests'];
const NOT_SOURCE = ['tests/fixtures/'];

it(`keeps every source line within ${MAX} characters`, () => {
  const long: string[] = [];
  const roots = FOLDERS.map((f) => join(ROOT, f));
  const files = roots.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && SOURCE.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/')),
  );
  for (const file of [...files, 'astro.config.mjs', 'playwright.config.ts', 'vitest.config.ts']) {
    if (NOT_SOURCE.some((prefix) => file.startsWith(prefix))) continue;
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.length > MAX) long.push(`${file}:${i + 1} is ${line.length} characters`);
      });
  }
  expect(files.length).toBeGreaterThan(50);
  expect(long).toEqual([]);
});
