import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_FIELDS, OPTION_TABLE, usageText, versionText } from '../../src/cli/index.js';

describe('OPT-help and OPT-version texts', () => {
  it('lists every option of the table in the usage text, with --no for negatable ones', () => {
    const text = usageText();
    for (const field of OPTION_FIELDS) {
      const spec = OPTION_TABLE[field];
      const shown = spec.kind === 'negatable' ? `--[no]${spec.name}` : `--${spec.name}`;
      expect(text).toContain(shown);
    }
    expect(text).toContain('-?');
    expect(text).toContain('SECRC');
  });

  it('shows the defaults SEC uses', () => {
    const text = usageText();
    expect(text).toMatch(/--debug=LEVEL .*\[6\]/);
    expect(text).toMatch(/--\[no\]tail .*\[on\]/);
    expect(text).toMatch(/--\[no\]detach .*\[off\]/);
    expect(text).toMatch(/--poll-timeout=SECONDS .*\[0\.1\]/);
  });

  it('names syscorr and its SEC 2.9.x compatibility in the version text', () => {
    const text = versionText();
    expect(text).toMatch(/^syscorr \d+\.\d+\.\d+ /);
    expect(text).toContain('SEC 2.9.x');
    expect(text).toContain('GNU General Public License');
  });

  it('marks the syscorr additions and what is implemented here', () => {
    const syscorr = OPTION_FIELDS.filter((f) => OPTION_TABLE[f].origin === 'syscorr');
    expect(syscorr).toEqual(['metrics', 'networkThread', 'smtp', 'mailFrom', 'mailTo']);
    const pending = OPTION_FIELDS.filter((f) => OPTION_TABLE[f].status !== 'implemented');
    expect(pending).not.toContain('metrics');
    for (const mail of ['smtp', 'mailFrom', 'mailTo']) expect(pending).not.toContain(mail);
  });
});

describe('--help marks what is pending', () => {
  it('shows (pending) on options whose effect is not built yet, and not on the implemented ones', () => {
    const text = usageText();
    expect(text).not.toMatch(/--metrics=\S+ .*\(pending\)/);
    expect(text).not.toMatch(/--conf=\S+ .*\(pending\)/);
    expect(text).not.toMatch(/--\[no\]tail .*\(pending\)/);
  });

  it('explains (pending) only while some option is pending (none is now)', () => {
    const text = usageText();
    expect(OPTION_FIELDS.filter((f) => OPTION_TABLE[f].status === 'accepted')).toEqual([]);
    expect(text).not.toContain('(pending)');
  });

  it('names the same version as package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(versionText()).toContain(`syscorr ${pkg.version} `);
  });
});
