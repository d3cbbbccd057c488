import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv';

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
  it('round-trips any grid of printable fields', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', ' ', '\n', '1', '.', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          expect(parseCsv(formatCsv(rows))).toEqual({ ok: true, rows });
        },
      ),
    );
  });
});
