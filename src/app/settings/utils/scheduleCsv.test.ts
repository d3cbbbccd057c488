import { describe, expect, it } from 'vitest';
import { FAMILY_UUID, makeFamilyDetail, makeGroup, monthlySlices } from '../../cards/__tests__/fixtures';
import { formatScheduleCsv, parseScheduleCsv, planMatchesImport, scheduleColumns } from './scheduleCsv';

const label = (g: { assignee: { name?: string; id: string } | null }) => g.assignee?.name ?? 'none';
const family = makeFamilyDetail();
const exported = formatScheduleCsv(family, label);
const lines = exported.trimEnd().split('\r\n');
const edit = (row: number, column: number, value: string, fixTotal = true) => {
  const grid = lines.map((l) => l.split(','));
  const cells = grid[row] as string[];
  cells[column] = value;
  if (fixTotal) cells[cells.length - 1] = '';
  return grid.map((r) => r.join(',')).join('\n');
};

describe('formatScheduleCsv', () => {
  it('writes one row per assignee, one column per period start, and the exact total', () => {
    expect(lines[0]).toBe(`assignee,group_id,${scheduleColumns(family).join(',')},total`);
    expect(lines[1]).toBe(`Olivia Owner,501,${Array(12).fill('1000.00').join(',')},12000.00`);
    expect(lines[2]).toBe(`West,502,${Array(12).fill('500.00').join(',')},6000.00`);
    expect(scheduleColumns(family)[0]).toBe('2026-01-01');
  });
  it('quotes names with commas and leaves missing periods empty', () => {
    const slices = monthlySlices(2026, 1).slice(0, 11);
    const odd = makeFamilyDetail({
      groups: [
        makeGroup({ assignee: { kind: 'owner', id: '1', name: 'Doe, Jane' }, slices }),
        family.groups[1] ?? makeGroup(),
      ],
    });
    const csv = formatScheduleCsv(odd, label);
    expect(csv.split('\r\n')[1]).toBe(`"Doe, Jane",501,${Array(11).fill('1000.00').join(',')},,11000.00`);
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
      const csv = formatScheduleCsv(odd, label);
      const cell = csv.split('\r\n')[1]?.split(',501,')[0];
      expect(cell).toBe(`"'${name.replace(/"/g, '""')}"`);
      expect(parseScheduleCsv(csv, odd, label)).toMatchObject({ ok: true, changes: [] });
    },
  );
});

describe('parseScheduleCsv', () => {
  it('reads back its own export as "nothing changes"', () => {
    expect(parseScheduleCsv(exported, family, label)).toEqual({
      ok: true,
      groups: [],
      changes: [],
      rowsUnchanged: 2,
      rowsMissing: [],
    });
  });

  it('finds exactly the changed cells and the explicit amounts for that schedule', () => {
    const result = parseScheduleCsv(edit(1, 4, '1,250.5'.replace(',', '')), family, label);
    expect(result).toMatchObject({ ok: true, rowsUnchanged: 1 });
    if (!result.ok) return;
    expect(result.changes).toEqual([
      {
        groupId: '501',
        assignee: 'Olivia Owner',
        sliceId: '1003',
        period: '2026-03-01',
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

  it('accepts a total that matches and lists schedules left out of the file', () => {
    const onlyOwner = [lines[0], lines[1]?.replace('1000.00,12000.00', '1100.00,12100.00')].join('\n');
    const result = parseScheduleCsv(onlyOwner, family, label);
    expect(result).toMatchObject({ ok: true, rowsMissing: ['West'] });
  });

  it.each([
    ['an empty text', '', 'The text is empty'],
    ['a wrong header', exported.replace('assignee,group_id', 'name,id'), 'The first two columns must be'],
    [
      'an unknown period',
      exported.replace('2026-01-01', '2026-01-02'),
      'Column "2026-01-02" is not a period',
    ],
    ['too many decimals', edit(1, 3, '10.005'), 'Row 2, 2026-02-01: Use at most two decimal places.'],
    [
      'a negative amount (a formula to a spreadsheet)',
      edit(2, 3, '-1'),
      'Row 3, column "2026-02-01": starts with "-", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in an amount',
      edit(1, 5, '=SUM(C2:D2)'),
      'Row 2, column "2026-04-01": starts with "=", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in the assignee column',
      edit(2, 0, '@cmd'),
      'Row 3, column "assignee": starts with "@", which spreadsheets treat as a formula. Remove it.',
    ],
    [
      'a formula in the header',
      exported.replace('assignee', '+assignee'),
      'Row 1, column 1: starts with "+"',
    ],
    ['a leading tab', edit(1, 2, '\t1000.00'), 'Row 2, column "2026-01-01": starts with a tab'],
    ['a missing amount', edit(1, 2, ''), 'Row 2, 2026-01-01: the amount is missing.'],
    ['an unknown group', edit(1, 1, '999'), 'group id "999" is not an assignee'],
    ['a duplicated row', `${exported}${lines[1]}\n`, 'appears twice'],
    ['a short row', `${exported}x,501\n`, 'expected 15 values, found 2'],
    [
      'a wrong total',
      edit(1, 2, '1.00', false),
      'Row 2: the total 12000.00 does not match the periods, which add up to 11001.00',
    ],
    ['an unclosed quote', `${exported}"x`, 'a quoted field is not closed'],
  ])('refuses %s, saying where', (_, text, message) => {
    const result = parseScheduleCsv(text, family, label);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });

  it('refuses amounts where a schedule has no slice', () => {
    const slices = monthlySlices(2026, 1).slice(0, 11);
    const odd = makeFamilyDetail({ groups: [makeGroup({ slices }), family.groups[1] ?? makeGroup()] });
    const csv = formatScheduleCsv(odd, label).replace(',,11000.00', ',5.00,');
    const result = parseScheduleCsv(csv, odd, label);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toContain('2026-12-01: this assignee has no slice for that period');
  });
});

describe('planMatchesImport', () => {
  const expected = [
    {
      groupId: '501',
      assignee: 'O',
      sliceId: '1003',
      period: '2026-03-01',
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
