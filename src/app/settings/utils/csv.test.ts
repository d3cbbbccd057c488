import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, formulaCells, parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['\uFEFFa\n', [['a']]],
    ['"x, y","say ""hi"""\n', [['x, y', 'say "hi"']]],
    ['"multi\nline",2\n', [['multi\nline', '2']]],
    ['a,,c\n\n\n', [['a', '', 'c']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });
  it.each([
    ['"open,1\n', 'Line 2: a quoted field is not closed.'],
    ['ab"c",1\n', 'Line 1: a quote may only start a field.'],
  ])('refuses %j', (text, error) => {
    expect(parseCsv(text)).toEqual({ ok: false, error });
  });
  it('round-trips any grid of printable fields; a cell that would start a formula comes back as text', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', ' ', '\n', '1', '.', 'é', '=', '+', '-', '@', '\t'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const text = (f: string) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f);
          const expected = rows.map((r) => r.map(text));
          expect(parseCsv(formatCsv(rows))).toEqual({ ok: true, rows: expected });
          const back = parseCsv(formatCsv(rows));
          if (back.ok) expect(formulaCells(back.rows)).toEqual([]);
        },
      ),
    );
  });
});

describe('formula-leading cells (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', true],
    ['+1', true],
    ['-1', true],
    ['@SUM(A1)', true],
    ['\tx', true],
    ['\rx', true],
    ["'=1+1", false],
    [' =1', false],
    ['a=b', false],
    ['', false],
  ])('%j starts like a formula: %s', (value, formula) => {
    expect(formulaCells([['ok', value]])).toEqual(formula ? [{ row: 1, column: 2, value }] : []);
  });
  it('exports such a cell quoted, behind an apostrophe', () => {
    expect(formatCsv([['=cmd|"/c calc"!A1', 'x']])).toBe(`"'=cmd|""/c calc""!A1",x\r\n`);
  });
});
