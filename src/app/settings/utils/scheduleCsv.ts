/**
 * F13: a goal's targets as an assignee × period grid of exact amounts, and back. Rows are keyed by
 * the assignee's name and columns by the period's label, as the screen shows them (no ids). Import
 * is validated completely before anything is sent: every error is listed with its row and column,
 * and the result is the exact list of cells that change, grouped per assignee.
 */
import type { FamilyDto, GroupDto, SliceDto } from '@goal-families/contract';
import { type AmountInput, isoDateIn, sameMoney, sumMoney } from '@goal-families/ui';
import { formatCsv, formulaCells, parseCsv, startsLikeFormula } from './csv';

export const ASSIGNEE_COLUMN = 'Assignee';
export const TOTAL_COLUMN = 'Total';

/** How the file names things and reads amounts: the screen's words in the viewer's locale. */
export interface CsvWords {
  /** The assignee's name as the screen shows it ("Hannah Larsen", "West (team)"). */
  assignee: (group: GroupDto) => string;
  /** The label of the period starting on `start` (an instant). */
  period: (start: string) => string;
  /** Reads an amount typed in the viewer's locale. */
  parseAmount: (text: string) => AmountInput;
  /** Shows an exact amount in the goal's unit and the viewer's locale. */
  amount: (value: string) => string;
}

/** Amounts are written in the exact wire form ("1250.50"); people may type them in their locale too. */
function readAmount(raw: string, words: CsvWords): AmountInput {
  if (/^\d{1,13}(\.\d{1,2})?$/.test(raw)) {
    const [whole = '0', fraction = ''] = raw.split('.');
    return { ok: true, value: `${BigInt(whole)}.${fraction.padEnd(2, '0')}` };
  }
  return words.parseAmount(raw);
}

export interface CellChange {
  groupId: string;
  assignee: string;
  sliceId: string;
  period: string;
  before: string | null;
  after: string;
}

/** One assignee's schedule to re-spread explicitly: every slice from the first, in order. */
export interface GroupImport {
  groupId: string;
  assignee: string;
  from: string;
  amounts: string[];
  changes: CellChange[];
}

export type ScheduleImport =
  | { ok: true; groups: GroupImport[]; changes: CellChange[]; rowsUnchanged: number; rowsMissing: string[] }
  | { ok: false; errors: string[] };

interface Column {
  date: string;
  label: string;
}

/** Period columns: the distinct start dates of all slices, in the family's time zone. */
export function scheduleColumns(family: FamilyDto): string[] {
  const dates = new Set<string>();
  for (const group of family.groups)
    for (const slice of group.slices ?? [])
      if (slice.start) dates.add(isoDateIn(slice.start, family.convention.timeZone));
  return [...dates].sort();
}

function slicesByDate(group: GroupDto, timeZone: string): Map<string, SliceDto[]> {
  const map = new Map<string, SliceDto[]>();
  for (const slice of group.slices ?? []) {
    if (!slice.start) continue;
    const date = isoDateIn(slice.start, timeZone);
    map.set(date, [...(map.get(date) ?? []), slice]);
  }
  return map;
}

/** The goal's period columns with their labels. */
export function periodColumns(family: FamilyDto, words: Pick<CsvWords, 'period'>): Column[] {
  const firstStart = new Map<string, string>();
  for (const group of family.groups)
    for (const slice of group.slices ?? []) {
      if (!slice.start) continue;
      const date = isoDateIn(slice.start, family.convention.timeZone);
      if (!firstStart.has(date)) firstStart.set(date, slice.start);
    }
  return scheduleColumns(family).map((date) => ({ date, label: words.period(firstStart.get(date) ?? '') }));
}

export function formatScheduleCsv(family: FamilyDto, words: CsvWords): string {
  const columns = periodColumns(family, words);
  const rows = family.groups.map((group) => {
    const byDate = slicesByDate(group, family.convention.timeZone);
    const cells = columns.map((column) => byDate.get(column.date)?.[0]?.targetAmount ?? '');
    return [words.assignee(group), ...cells, sumMoney(cells.map((c) => (c === '' ? null : c)))];
  });
  return formatCsv([[ASSIGNEE_COLUMN, ...columns.map((c) => c.label), TOTAL_COLUMN], ...rows]);
}

export function parseScheduleCsv(text: string, family: FamilyDto, words: CsvWords): ScheduleImport {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const [header, ...body] = parsed.rows;
  if (!header)
    return { ok: false, errors: ['The text is empty. Paste the CSV exported above, with your changes.'] };
  // A cell a spreadsheet would run as a formula is refused outright, wherever it is.
  const formulas = formulaCells(parsed.rows);
  if (formulas.length > 0) {
    return {
      ok: false,
      errors: formulas.map(({ row, column, value }) => {
        const name = row > 1 ? header[column - 1]?.trim() : undefined;
        const where = name ? `column "${name}"` : `column ${column}`;
        const first = value[0] === '\t' ? 'a tab' : value[0] === '\r' ? 'a line break' : `"${value[0]}"`;
        return `Row ${row}, ${where}: starts with ${first}, which spreadsheets treat as a formula. Remove it.`;
      }),
    };
  }

  const errors: string[] = [];
  const known = periodColumns(family, words);
  const names = header.map((h) => h.trim());
  if (names[0] !== ASSIGNEE_COLUMN) errors.push(`The first column must be "${ASSIGNEE_COLUMN}".`);
  const hasTotal = names[names.length - 1] === TOTAL_COLUMN;
  const periodNames = names.slice(1, hasTotal ? -1 : undefined);
  const columns: Column[] = [];
  for (const label of periodNames) {
    const column = known.find((k) => k.label === label);
    if (column) columns.push(column);
    else errors.push(`Column "${label}" is not a period of this goal.`);
  }
  for (const column of known)
    if (!periodNames.includes(column.label)) errors.push(`The period column "${column.label}" is missing.`);
  if (new Set(periodNames).size !== periodNames.length) errors.push('A period column appears twice.');
  if (errors.length > 0) return { ok: false, errors };

  const groups: GroupImport[] = [];
  const seen = new Set<string>();
  let rowsUnchanged = 0;
  body.forEach((cells, index) => {
    const line = index + 2;
    // A name that starts like a formula was exported as text behind an apostrophe: read it back as the name.
    const typed = cells[0]?.trim() ?? '';
    const assignee = typed.startsWith("'") && startsLikeFormula(typed.slice(1)) ? typed.slice(1) : typed;
    const matches = family.groups.filter((g) => words.assignee(g) === assignee);
    const group = matches[0];
    if (cells.length !== names.length) {
      errors.push(`Row ${line}: expected ${names.length} values, found ${cells.length}.`);
      return;
    }
    if (!group) {
      errors.push(
        `Row ${line}: "${assignee}" is not an assignee of this goal (add assignees with “Add assignee” first).`,
      );
      return;
    }
    if (matches.length > 1 || group.groupId === null) {
      errors.push(
        `Row ${line}: ${assignee}’s targets are in several separate sets; repair the goal in the health check first.`,
      );
      return;
    }
    const groupId = group.groupId;
    if (seen.has(groupId)) {
      errors.push(`Row ${line}: ${assignee} appears twice.`);
      return;
    }
    seen.add(groupId);
    const byDate = slicesByDate(group, family.convention.timeZone);
    const rowErrors: string[] = [];
    const values = new Map<string, string>();
    columns.forEach((column, c) => {
      const raw = (cells[c + 1] ?? '').trim();
      const slices = byDate.get(column.date) ?? [];
      if (slices.length > 1)
        rowErrors.push(
          `Row ${line}, ${column.label}: ${assignee} has ${slices.length} targets for that period; repair the goal in the health check first.`,
        );
      else if (slices.length === 0) {
        if (raw !== '')
          rowErrors.push(
            `Row ${line}, ${column.label}: ${assignee} has no target for that period, so it must stay empty.`,
          );
      } else if (raw === '') rowErrors.push(`Row ${line}, ${column.label}: the amount is missing.`);
      else {
        const amount = readAmount(raw, words);
        if (amount.ok) values.set(column.date, amount.value);
        else rowErrors.push(`Row ${line}, ${column.label}: ${amount.message}`);
      }
    });
    const statedText = hasTotal ? (cells[cells.length - 1] ?? '').trim() : '';
    if (statedText !== '' && rowErrors.length === 0) {
      const stated = readAmount(statedText, words);
      const actual = sumMoney([...values.values()]);
      if (!stated.ok || !sameMoney(stated.value, actual)) {
        rowErrors.push(
          `Row ${line}: the total ${statedText} does not match the periods, which add up to ${words.amount(actual)}. Fix the total or clear it.`,
        );
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const ordered = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b));
    const changes: CellChange[] = [];
    const amounts: string[] = [];
    for (const [date, [slice]] of ordered) {
      if (!slice) continue;
      const after = values.get(date) ?? slice.targetAmount ?? '0.00';
      amounts.push(after);
      if (!sameMoney(slice.targetAmount, after)) {
        changes.push({
          groupId,
          assignee,
          sliceId: slice.id,
          period: known.find((k) => k.date === date)?.label ?? date,
          before: slice.targetAmount,
          after,
        });
      }
    }
    // The family's own time zone is known here, so its first period's date is an exact `from`.
    const from = ordered[0]?.[0];
    if (changes.length === 0 || from === undefined) {
      rowsUnchanged++;
      return;
    }
    groups.push({ groupId, assignee, from, amounts, changes });
  });
  if (errors.length > 0) return { ok: false, errors };
  const rowsMissing = family.groups
    .filter((g) => g.groupId !== null && !seen.has(g.groupId))
    .map((g) => words.assignee(g));
  return { ok: true, groups, changes: groups.flatMap((g) => g.changes), rowsUnchanged, rowsMissing };
}

/**
 * Whether HubSpot's preview of a group's re-spread changes exactly the cells the file changes
 * (no-op updates ignored). Anything else means the goal moved under us: stop.
 */
export function planMatchesImport(
  updates: readonly {
    id: string;
    changes: readonly { property: string; before: string | null; after: string | null }[];
  }[],
  expected: readonly CellChange[],
): boolean {
  const planned = new Map<string, string | null>();
  for (const update of updates)
    for (const change of update.changes) {
      if (change.property !== 'hs_target_amount') return false;
      if (!sameMoney(change.before, change.after)) planned.set(update.id, change.after);
    }
  if (planned.size !== expected.length) return false;
  return expected.every(
    (cell) => planned.has(cell.sliceId) && sameMoney(planned.get(cell.sliceId) ?? null, cell.after),
  );
}
