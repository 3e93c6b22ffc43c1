import { describe, expect, it } from 'vitest';
import { BUILD_V8_FLAGS, buildNodeArgs } from '../../src/lib/build-node-flags.ts';

describe("the build's Node flags", () => {
  it("adds the heap flags after this process's own arguments", () => {
    expect(buildNodeArgs(['--no-warnings'])).toEqual([
      '--no-warnings',
      '--max-semi-space-size=8',
      '--heap-growing-percent=50',
    ]);
    expect(BUILD_V8_FLAGS).toEqual(['--max-semi-space-size=8', '--heap-growing-percent=50']);
  });

  it('leaves a flag given by hand, on the command line or in NODE_OPTIONS, as given', () => {
    expect(buildNodeArgs(['--heap-growing-percent=80'])).toEqual([
      '--heap-growing-percent=80',
      '--max-semi-space-size=8',
    ]);
    expect(buildNodeArgs([], '--max-semi-space-size=32')).toEqual(['--heap-growing-percent=50']);
    expect(buildNodeArgs(['--max-semi-space-size=4'], '--heap-growing-percent=20')).toEqual([
      '--max-semi-space-size=4',
    ]);
  });
});
