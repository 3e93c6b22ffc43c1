import { defineConfig } from 'vitest/config';

// Unit tests cover pure build-time code (src/lib, src/markdown, scripts) and need
// no Astro runtime; browser behaviour is tested by Playwright against the built site.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Generous, not a speed assertion: the whole-content check spawns parsers and shares two cores
    // with the build in CI; speed is measured in `npm run bench`.
    testTimeout: 60_000,
  },
});
