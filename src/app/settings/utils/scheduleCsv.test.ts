import { createFormat, createNames } from '@goal-families/ui';
import { describe, expect, it } from 'vitest';
import { FAMILY_UUID, makeFamilyDetail, makeGroup, monthlySlices } from '../../cards/__tests__/fixtures';
import { type CsvWords, formatScheduleCsv, parseScheduleCsv, planMatchesImport } from './scheduleCsv';

const wordsIn = (locale: string): CsvWords => {
  const format = createFormat({ locale });
  const names = createNames();
  return {
    assignee: (g) => names.assignee(g.assignee),
    period: (start) => format.period({ start }, 'monthly', 'UTC'),
    parseAmount: (text) => format.parseAmount(text),
    amount: (value) => format.amount(value, { goalType: 'sales_quota' }),
  };
};
const words = wordsIn('en-US');
const family = makeFamilyDetail();
const exported = formatScheduleCsv(family, words);
const lines = exported.trimEnd().split('\r\n');
const MONTHS =
  'Jan 2026,Feb 2026,Mar 2026,Apr 2026,May 2026,Jun 2026,Jul 2026,Aug 2026,Sep 2026,Oct 2026,Nov 2026,Dec 2026';
const edit = (row: number, column: number, value: string, fixTotal = true) => {
  const grid = lines.map((l) => l.split(','));
  const cells = grid[row] as string[];
  cells[column] = value;
  if (fixTotal) cells[cells.length - 1] = '';
  return grid.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
};

describe('formatScheduleCsv', () => {
  it('writes one row per assignee by name, one column per period label, and the exact total', () => {
    expect(lines[0]).toBe(`Assignee,${MONTHS},Total`);
    expect(lines[1]).toBe(`Olivia Owner,${Array(12).fill('1000.00').join(',')},12000.00`);
    expect(lines[2]).toBe(`West (team),${Array(12).fill('500.00').join(',')},6000.00`);
    expect(exported).not.toMatch(/\b50[12]\b/);
  });
  it('quotes names with commas and leaves missing periods empty', () => {
    const slices = monthlySlices(2026, 1).slice(0, 11);
    const odd = makeFamilyDetail({
      groups: [
        makeGroup({ assignee: { kind: 'owner', id: '1', name: 'Doe, Jane' }, slices }),
        family.groups[1] ?? makeGroup(),
      ],
    });
    const csv = formatScheduleCsv(odd, words);
    expect(csv.split('\r\n')[1]).toBe(`"Doe, Jane",${Array(11).fill('1000.00').join(',')},,11000.00`);
  });
});

describe('formula-leading cells (CSV injection)', () => {
  const named = (name: string) =>
    makeFamilyDetail({
      groups: [makeGroup({ assignee: { kind: 'owner', id: '1', name } }), family.groups[1] ?? makeGroup()],
    });
  it.each(['=HYPERLINK("http://x.example","Open")', '+1', '-Jane', '@SUM(A1)', '\tTabbed', '\rReturn'])(
    'exports %j as text, and reads the export back as "nothing changes"',
    (name) => {
      const odd = named(name);
      const csv = formatScheduleCsv(odd, words);
      expect(csv.split('\r\n')[1]?.startsWith(`"'${name.replace(/"/g, '""')}",1000.00,`)).toBe(true);
      expect(parseScheduleCsv(csv, odd, words)).toMatchObject({ ok: true, changes: [] });
    },
  );
});

describe('parseScheduleCsv', () => {
  it('reads back its own export as "nothing changes"', () => {
    expect(parseScheduleCsv(exported, family, words)).toEqual({
      ok: true,
      groups: [],
      changes: [],
      rowsUnchanged: 2,
      rowsMissing: [],
    });
  });

  it('finds exactly the changed cells and the explicit amounts for that assignee', () => {
    const result = parseScheduleCsv(edit(1, 3, '1250.5'), family, words);
    expect(result).toMatchObject({ ok: true, rowsUnchanged: 1 });
    if (!result.ok) return;
    expect(result.changes).toEqual([
      {
        groupId: '501',
        assignee: 'Olivia Owner',
        sliceId: '1003',
        period: 'Mar 2026',
        before: '1000.00',
        after: '1250.50',
      },
    ]);
    expect(result.groups[0]?.from).toBe('2026-01-01');
    expect(result.groups[0]?.amounts).toEqual([
      ...Array(2).fill('1000.00'),
      '1250.50',
      ...Array(9).fill('1000.00'),
    ]);
  });

  it('reads amounts typed in the viewer’s locale', () => {
    const de = wordsIn('de-DE');
    const csv = formatScheduleCsv(family, de)
      .replace('1000.00', '"1.250,50"')
      .replace(/,12000\.00/, ',');
    const result = parseScheduleCsv(csv, family, de);
    expect(result.ok && result.changes.map((c) => [c.period, c.after])).toEqual([['Jan. 2026', '1250.50']]);
  });

  it('accepts a total that matches and lists assignees left out of the file', () => {
    const onlyOwner = [lines[0], lines[1]?.replace('1000.00,12000.00', '1100.00,12100.00')].join('\n');
    const result = parseScheduleCsv(onlyOwner, family, words);
    expect(result).toMatchObject({ ok: true, rowsMissing: ['West (team)'] });
  });

  it.each([
    ['an empty text', '', 'The text is empty'],
    ['a wrong header', exported.replace('Assignee,', 'Name,'), 'The first column must be "Assignee"'],
    [
      'an unknown period',
      exported.replace('Jan 2026', 'Jan 2027'),
      'Column "Jan 2027" is not a period of this goal',
    ],
    ['an unknown assignee', edit(1, 0, 'Nobody'), '"Nobody" is not an assignee of this goal'],
    ['a bad amount', edit(1, 2, 'abc'), 'Row 2, Feb 2026: Use the format 1,234.56.'],
    ['a wrong total', edit(1, 2, '5', false), 'which add up to $11,005.00'],
    [
      'a negative amount (a formula to a spreadsheet)',
      edit(2, 2, '-1'),
      'Row 3, column "Feb 2026": starts with "-", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in an amount',
      edit(1, 4, '=SUM(C2:D2)'),
      'Row 2, column "Apr 2026": starts with "=", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in the assignee column',
      edit(2, 0, '@cmd'),
      'Row 3, column "Assignee": starts with "@", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in the header',
      exported.replace('Assignee', '+Assignee'),
      'Row 1, column 1: starts with "+"',
    ],
    ['a leading tab', edit(1, 1, '\t1000.00'), 'Row 2, column "Jan 2026": starts with a tab'],
    ['a missing amount', edit(1, 1, ''), 'Row 2, Jan 2026: the amount is missing.'],
    ['a duplicated row', `${exported}${lines[1]}\n`, 'appears twice'],
    ['a short row', `${exported}x\n`, 'expected 14 values, found 1'],
    ['an unclosed quote', `${exported}"x`, 'a quoted field is not closed'],
  ])('refuses %s with a message naming the place', (_, text, message) => {
    const result = parseScheduleCsv(text, family, words);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });

  it('refuses amounts where an assignee has no target', () => {
    const slices = monthlySlices(2026, 1).slice(0, 11);
    const odd = makeFamilyDetail({ groups: [makeGroup({ slices }), family.groups[1] ?? makeGroup()] });
    const csv = formatScheduleCsv(odd, words).replace(',,11000.00', ',5.00,');
    const result = parseScheduleCsv(csv, odd, words);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toContain('Dec 2026: Olivia Owner has no target for that period');
  });
});

describe('planMatchesImport', () => {
  const expected = [
    {
      groupId: '501',
      assignee: 'O',
      sliceId: '1003',
      period: 'Mar 2026',
      before: '1000.00',
      after: '1250.50',
    },
  ];
  const update = (id: string, before: string, after: string, property = 'hs_target_amount') => ({
    id,
    changes: [{ property, before, after }],
  });
  it.each([
    ['the same change', [update('1003', '1000.00', '1250.5')], true],
    [
      'the same change plus no-ops',
      [update('1003', '1000', '1250.50'), update('1004', '1000.00', '1000')],
      true,
    ],
    ['another amount', [update('1003', '1000.00', '1250.00')], false],
    ['an extra slice', [update('1003', '1000.00', '1250.50'), update('1004', '1000.00', '1.00')], false],
    ['another property', [update('1003', '1000.00', '1250.50', 'hs_goal_name')], false],
    ['nothing', [], false],
  ])('%s → %s', (_, updates, matches) => {
    expect(planMatchesImport(updates, expected)).toBe(matches);
  });
  it('uses the fixture uuid', () => expect(family.uuid).toBe(FAMILY_UUID));
});
