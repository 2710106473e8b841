import { describe, expect, it } from 'vitest';
import {
  maskPercent,
  parseActionVarTemplate,
  substituteActionVars,
} from '../../../src/config/template/index.js';

const vars: Record<string, string> = {
  s: 'the desc',
  t: 'Thu Nov  5 10:58:51 2015',
  user: 'risto',
  '.mday': '05',
  '.nl': '\n',
  x1: '%t',
};

function lookup(name: string): string | undefined {
  return Object.hasOwn(vars, name) ? vars[name] : undefined;
}

function subst(text: string): string {
  return substituteActionVars(parseActionVarTemplate(text), lookup);
}

describe('ALV-syntax', () => {
  it('%name, %{name}, %.name, %{.name}', () => {
    expect(subst('%s|%{user}|%.mday|%{.mday}')).toBe('the desc|risto|05|05');
  });

  it('names are greedy: %.mdayT reads .mdayT, %{.mday}T is needed', () => {
    expect(subst('%.mdayT %{.mday}T')).toBe(' 05T');
    expect(subst('%user_x %user-x')).toBe(' risto-x');
  });

  it('%1 and other non-names stay literal', () => {
    for (const text of ['%1', '%{1}', '%.1', '%_x', '%', 'a%', '%{user', '%{ user}', '%{}', '%-', '%{.}']) {
      expect(subst(text)).toBe(text);
    }
  });

  it('never rescans an inserted value', () => {
    expect(subst('%x1')).toBe('%t');
  });

  it('parses into literal and variable parts', () => {
    expect(parseActionVarTemplate('a%%b%s%{.nl}c').parts).toEqual([
      { kind: 'literal', text: 'a%b' },
      { kind: 'variable', name: 's' },
      { kind: 'variable', name: '.nl' },
      { kind: 'literal', text: 'c' },
    ]);
    expect(parseActionVarTemplate('100% sure').hasVariables).toBe(false);
    expect(parseActionVarTemplate('100%%').hasVariables).toBe(true);
  });
});

describe('ALV-pct', () => {
  it('%% is a literal %, also in front of a variable', () => {
    expect(subst('100%%')).toBe('100%');
    expect(subst('%%s %%%s')).toBe('%s %the desc');
  });
});

describe('ALV-unset', () => {
  it('an unknown variable expands to ""', () => {
    expect(subst('[%nosuch|%{nosuch}|%.nosuch]')).toBe('[||]');
  });
});

describe('VAR-pct-mask', () => {
  it('doubles every % so the value survives the action-list pass unchanged', () => {
    expect(maskPercent('50% off %s %%')).toBe('50%% off %%s %%%%');
    for (const value of ['%t', '%%', '100%', '%{s}', 'plain']) {
      expect(subst(maskPercent(value))).toBe(value);
    }
  });
});
