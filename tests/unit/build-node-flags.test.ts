import { describe, expect, it } from 'vitest';
import { BUILD_V8_FLAGS, buildNodeArgs } from '../../src/lib/build-node-flags.ts';

describe("the build's Node flags", () => {
  it("adds the heap-growth flag after this process's own arguments", () => {
    expect(buildNodeArgs(['--no-warnings'])).toEqual(['--no-warnings', '--heap-growing-percent=50']);
    expect(BUILD_V8_FLAGS).toContain('--heap-growing-percent=50');
  });

  it('leaves a flag given by hand, on the command line or in NODE_OPTIONS, as given', () => {
    expect(buildNodeArgs(['--heap-growing-percent=80'])).toEqual(['--heap-growing-percent=80']);
    expect(buildNodeArgs([], '--max-old-space-size=2048 --heap-growing-percent=20')).toEqual([]);
    expect(buildNodeArgs([], '--max-old-space-size=2048')).toEqual(['--heap-growing-percent=50']);
  });
});
