import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldByte, foldText, LiteralAutomaton } from '../../../src/engine/prefilter/index.js';

/** Runs one scan and returns the slots found, sorted (or null when the scan could not decide). */
function found(automaton: LiteralAutomaton, slots: number, text: string): number[] | null {
  const marks = new Uint8Array(slots);
  const list = new Int32Array(slots);
  const result = automaton.scan(text, marks, list);
  const count = result < 0 ? -1 - result : result;
  const out = [...list.slice(0, count)].sort((a, b) => a - b);
  // Every listed slot is marked, and no other slot is (so the caller can reset the marks).
  for (let s = 0; s < slots; s++) expect(marks[s] === 1).toBe(out.includes(s));
  return result < 0 ? null : out;
}

describe('prefilter: the multi-literal automaton', () => {
  it('finds overlapping literals, literals inside others, and each slot once', () => {
    const a = new LiteralAutomaton([
      { text: 'he', slots: [0] },
      { text: 'she', slots: [1] },
      { text: 'his', slots: [2] },
      { text: 'hers', slots: [3, 0] },
    ]);
    expect(found(a, 4, 'ushers')).toEqual([0, 1, 3]);
    expect(found(a, 4, 'his hehe')).toEqual([0, 2]);
    expect(found(a, 4, 'nothing')).toEqual([]);
    expect(found(a, 4, '')).toEqual([]);
  });

  it('matches folded: capitals in the line meet small letters in the literals', () => {
    const a = new LiteralAutomaton([
      { text: 'error', slots: [0] },
      { text: 'café', slots: [1] },
    ]);
    expect(found(a, 2, 'Some ERROR in CAFÉ')).toEqual([0, 1]);
    expect(foldByte(0xc9)).toBe(0xe9);
    expect(foldByte(0xd7)).toBe(0xd7); // × has no small form
  });

  it('gives up (null) on a char above 0xFF, where no fold is defined', () => {
    const a = new LiteralAutomaton([{ text: 'k', slots: [0] }]);
    expect(found(a, 1, 'ok \u212a')).toBeNull(); // KELVIN SIGN: JS /iu would match it as k
  });

  it('property: the slots found are exactly those with a literal in the folded line', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'é', 'É', ' ', '\n', '\u00ff');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.nat(5)), { minLength: 1, maxLength: 12 }),
        fc.array(word, { maxLength: 10 }),
        (defs, parts) => {
          const literals = defs.map(([w, slot]) => ({ text: foldText(w) ?? '', slots: [slot] }));
          const a = new LiteralAutomaton(literals);
          const text = parts.join('');
          const folded = foldText(text) ?? '';
          const expected = [
            ...new Set(literals.filter((l) => folded.includes(l.text)).flatMap((l) => l.slots)),
          ].sort((x, y) => x - y);
          expect(found(a, 6, text)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
