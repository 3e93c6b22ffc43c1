import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKER_PACKAGES, checkerFingerprint } from '../../src/checks/content/checker-versions.ts';

const tools = { shellcheck: true, python: true };

describe('the checkers fingerprint (part of a per-file cache key)', () => {
  it('names the installed version of every checker package', () => {
    const fingerprint = checkerFingerprint('content', tools);
    for (const name of CHECKER_PACKAGES) expect(fingerprint).toMatch(new RegExp(`${name}@\\d+\\.\\d+\\.\\d+`));
  });

  it("changes when the content folder's word list or the linters found change", () => {
    const dir = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    const none = checkerFingerprint(dir, tools);
    writeFileSync(join(dir, 'words.txt'), 'Kubespray\n');
    const one = checkerFingerprint(dir, tools);
    writeFileSync(join(dir, 'words.txt'), 'Kubespray\nConftest\n');
    expect(new Set([none, one, checkerFingerprint(dir, tools)]).size).toBe(3);
    expect(checkerFingerprint(dir, { ...tools, shellcheck: false })).not.toBe(checkerFingerprint(dir, tools));
  });
});
