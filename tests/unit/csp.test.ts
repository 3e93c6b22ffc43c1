import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, scriptHash } from '../../src/lib/csp.ts';

describe('content security policy', () => {
  it('hashes an inline script as CSP expects (the example from the CSP specification)', () => {
    expect(scriptHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
  it('allows exactly the given inline scripts and nothing inline otherwise', () => {
    const policy = contentSecurityPolicy(['a()', 'b()']);
    expect(policy).toBe(
      `default-src 'self'; script-src 'self' ${scriptHash('a()')} ${scriptHash('b()')} 'wasm-unsafe-eval'; ` +
        "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(policy).not.toContain('unsafe-inline');
  });
  it('adds frame-ancestors only to the header, where browsers honour it', () => {
    expect(contentSecurityPolicy([])).not.toContain('frame-ancestors');
    const file = headersFile(['a()']);
    expect(file).toMatch(/^\/\*$/m);
    expect(file).toContain(`  Content-Security-Policy: ${contentSecurityPolicy(['a()'])}; frame-ancestors 'none'\n`);
    expect(file).toContain('  X-Content-Type-Options: nosniff\n');
    expect(file).toContain('  Referrer-Policy: strict-origin-when-cross-origin\n');
  });
});
