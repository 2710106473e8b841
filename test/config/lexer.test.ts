import { describe, expect, it } from 'vitest';
import { type LexItem, lexRuleFile } from '../../src/config/lexer.js';

function blocks(items: readonly LexItem[]): Record<string, string>[] {
  return items.flatMap((i) =>
    i.kind === 'block'
      ? [Object.fromEntries([...i.block.fields.values()].map((f) => [f.keyword, f.value]))]
      : [],
  );
}

describe('lexRuleFile', () => {
  it('CF-kv: trims the line and the space around =, keeps inner whitespace of the value', () => {
    const r = lexRuleFile('  type = Single  \npattern=a  b\t c \n', 'f.sec');
    expect(blocks(r.items)).toEqual([{ type: 'Single', pattern: 'a  b\t c' }]);
    expect(r.diagnostics).toEqual([]);
  });

  it('CF-kv: a keyword must be alphanumeric and a value non-empty; the rest of the block still loads', () => {
    const r = lexRuleFile('type=Single\nmy-key=1\ndesc=\npattern=x\n', 'f.sec');
    expect(blocks(r.items)).toEqual([{ type: 'Single', pattern: 'x' }]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['SYS0102', 2, 1],
      ['SYS0102', 3, 1],
    ]);
  });

  it('CF-kv: keywords are case-sensitive and kept as written', () => {
    const r = lexRuleFile('Type=Single\n', 'f.sec');
    expect(blocks(r.items)).toEqual([{ Type: 'Single' }]);
  });

  it('CF-sep: blank lines, whitespace-only lines, # lines and EOF end a rule', () => {
    const text = 'type=A\n\ntype=B\n   \t\ntype=C\n# comment\ntype=D\n  # indented comment\ntype=E';
    expect(blocks(lexRuleFile(text, 'f').items).map((b) => b.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('CF-sep: a # comment inside a rule splits it in two', () => {
    const r = lexRuleFile('type=Single\n#x\ndesc=d\n', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single' }, { desc: 'd' }]);
  });

  it('CF-rem: rem fields are dropped and may repeat', () => {
    const r = lexRuleFile('type=Single\nrem=one\nrem=two\ndesc=d\n', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single', desc: 'd' }]);
    expect(r.diagnostics).toEqual([]);
  });

  it('CF-cont: trims before chopping the backslash, appends the next line raw, trims the joined line', () => {
    const r = lexRuleFile('action=write - a \\\n   b\\\n#c\\\n  d  \n', 'f');
    // "action=write - a " + "   b" → chop → + "#c" → chop → + "  d  " → trimmed
    expect(blocks(r.items)).toEqual([{ action: 'write - a    b#c  d' }]);
  });

  it('CF-cont: an empty line after a continuation completes it instead of ending the rule', () => {
    const r = lexRuleFile('type=Single\ndesc=abc \\\n\npattern=x\n', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single', desc: 'abc', pattern: 'x' }]);
  });

  it('CF-cont: an unfinished continuation at EOF is dropped (with a warning)', () => {
    const r = lexRuleFile('type=Single\ndesc=abc \\', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single' }]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SYS0104', 'warning']]);
  });

  it('CF-dup: the last value wins, with a warning at the repeated keyword', () => {
    const r = lexRuleFile('type=Single\ndesc=one\n  desc=two\n', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single', desc: 'two' }]);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['SYS0103', 3, 3]]);
  });

  it('CF-label: labels are emitted in sequence, before the block they sit in', () => {
    const r = lexRuleFile('type=A\n\nlabel=L1\ntype=B\nlabel=L2\n\nlabel=END\n', 'f');
    expect(
      r.items.map((i) =>
        i.kind === 'label' ? `label:${i.name}` : `block:${i.block.fields.get('type')?.value}`,
      ),
    ).toEqual(['block:A', 'label:L1', 'label:L2', 'block:B', 'label:END']);
  });

  it("records SEC's rule start line (the line after the previous separator)", () => {
    const r = lexRuleFile('\n\n# c\ntype=A\ndesc=x\n', 'f');
    const b = r.items[0];
    expect(b?.kind === 'block' ? b.block.startLine : -1).toBe(4);
  });

  it('locates value offsets on the physical line, also across continuation lines', () => {
    const r = lexRuleFile('type=Single\n  action = write - \\\n      x; wirte y\n', 'f');
    const item = r.items[0];
    if (item?.kind !== 'block') throw new Error('expected a block');
    const action = item.block.fields.get('action');
    expect(action?.value).toBe('write -       x; wirte y');
    expect(action?.locate(0)).toEqual({ line: 2, col: 12 });
    expect(action?.locate(action.value.indexOf('wirte'))).toEqual({ line: 3, col: 10 });
  });

  it('keeps a CR at the end of a line out of the value (CRLF files)', () => {
    const r = lexRuleFile('type=Single\r\ndesc=d\r\n\r\ntype=B\r\n', 'f');
    expect(blocks(r.items)).toEqual([{ type: 'Single', desc: 'd' }, { type: 'B' }]);
  });
});
