import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDiagnosticsDoc } from '../../src/config/codes-doc.js';
import { CODES } from '../../src/config/registry.js';

describe('diagnostic code registry', () => {
  it('docs/diagnostics.md lists exactly the registered codes (run `npm run docs:codes` after changing codes)', () => {
    const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderDiagnosticsDoc());
    const documented = [...doc.matchAll(/^\| (SYS\d{4}) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(CODES).sort());
  });

  it('every code is SYS + four digits with a severity and a one-line summary', () => {
    for (const [code, info] of Object.entries(CODES)) {
      expect(code).toMatch(/^SYS0[1-9]\d{2}$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.summary.length).toBeGreaterThan(10);
      expect(info.summary).not.toContain('\n');
    }
  });
});
