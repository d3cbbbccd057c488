/**
 * F13: a family's schedule as an assignee × period grid of exact amounts, and back. Import is
 * validated completely before anything is sent: every error is listed with its row and column,
 * and the result is the exact list of cells that change, grouped per assignee's schedule.
 */
import type { FamilyDto, GroupDto, SliceDto } from '@goal-families/contract';
import { isoDateIn, parseMoneyInput, sameMoney, sumMoney } from '@goal-families/ui';
import { formatCsv, formulaCells, parseCsv } from './csv';

export const ASSIGNEE_COLUMN = 'assignee';
export const GROUP_COLUMN = 'group_id';
export const TOTAL_COLUMN = 'total';

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

export type AssigneeLabel = (group: GroupDto) => string;

interface Column {
  date: string;
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

export function formatScheduleCsv(family: FamilyDto, label: AssigneeLabel): string {
  const columns = scheduleColumns(family);
  const rows = family.groups.map((group) => {
    const byDate = slicesByDate(group, family.convention.timeZone);
    const cells = columns.map((date) => byDate.get(date)?.[0]?.targetAmount ?? '');
    return [label(group), group.groupId ?? '', ...cells, sumMoney(cells.map((c) => (c === '' ? null : c)))];
  });
  return formatCsv([[ASSIGNEE_COLUMN, GROUP_COLUMN, ...columns, TOTAL_COLUMN], ...rows]);
}

export function parseScheduleCsv(text: string, family: FamilyDto, label: AssigneeLabel): ScheduleImport {
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
  const known = scheduleColumns(family);
  const names = header.map((h) => h.trim());
  if (names[0] !== ASSIGNEE_COLUMN || names[1] !== GROUP_COLUMN) {
    errors.push(`The first two columns must be "${ASSIGNEE_COLUMN}" and "${GROUP_COLUMN}".`);
  }
  const hasTotal = names[names.length - 1] === TOTAL_COLUMN;
  const periodNames = names.slice(2, hasTotal ? -1 : undefined);
  const columns: Column[] = periodNames.map((date) => ({ date }));
  for (const date of periodNames)
    if (!known.includes(date)) errors.push(`Column "${date}" is not a period of this goal.`);
  for (const date of known)
    if (!periodNames.includes(date)) errors.push(`The period column "${date}" is missing.`);
  if (new Set(periodNames).size !== periodNames.length) errors.push('A period column appears twice.');
  if (errors.length > 0) return { ok: false, errors };

  const groups: GroupImport[] = [];
  const seen = new Set<string>();
  let rowsUnchanged = 0;
  body.forEach((cells, index) => {
    const line = index + 2;
    const groupId = cells[1]?.trim() ?? '';
    const group = family.groups.find((g) => g.groupId !== null && g.groupId === groupId);
    if (cells.length !== names.length) {
      errors.push(`Row ${line}: expected ${names.length} values, found ${cells.length}.`);
      return;
    }
    if (!group) {
      errors.push(
        `Row ${line}: group id "${groupId}" is not an assignee of this goal (add assignees by creating a new goal).`,
      );
      return;
    }
    if (seen.has(groupId)) {
      errors.push(`Row ${line}: group id "${groupId}" appears twice.`);
      return;
    }
    seen.add(groupId);
    const assignee = label(group);
    const byDate = slicesByDate(group, family.convention.timeZone);
    const rowErrors: string[] = [];
    const values = new Map<string, string>();
    columns.forEach((column, c) => {
      const raw = (cells[c + 2] ?? '').trim();
      const slices = byDate.get(column.date) ?? [];
      if (slices.length > 1)
        rowErrors.push(
          `Row ${line}, ${column.date}: this assignee has ${slices.length} slices for that period; repair the goal in Health first.`,
        );
      else if (slices.length === 0) {
        if (raw !== '')
          rowErrors.push(
            `Row ${line}, ${column.date}: this assignee has no slice for that period, so it must stay empty.`,
          );
      } else if (raw === '') rowErrors.push(`Row ${line}, ${column.date}: the amount is missing.`);
      else {
        const amount = parseMoneyInput(raw);
        if (amount.ok) values.set(column.date, amount.value);
        else rowErrors.push(`Row ${line}, ${column.date}: ${amount.message}`);
      }
    });
    const statedText = hasTotal ? (cells[cells.length - 1] ?? '').trim() : '';
    if (statedText !== '' && rowErrors.length === 0) {
      const stated = parseMoneyInput(statedText);
      const actual = sumMoney([...values.values()]);
      if (!stated.ok || !sameMoney(stated.value, actual)) {
        rowErrors.push(
          `Row ${line}: the total ${statedText} does not match the periods, which add up to ${actual}. Fix the total or clear it.`,
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
          period: date,
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
  const rowsMissing = family.groups.filter((g) => g.groupId !== null && !seen.has(g.groupId)).map(label);
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
