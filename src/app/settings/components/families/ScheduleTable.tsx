import type { FamilyDto } from '@goal-families/contract';
import { formatGoalAmount, isoDateIn, periodLabel } from '@goal-families/ui';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import { scheduleColumns } from '../../utils/scheduleCsv';

interface ScheduleTableProps {
  family: FamilyDto;
  currency: string;
  assigneeLabel: (group: FamilyDto['groups'][number]) => string;
}

/** Slices per assignee: one row per target group, one column per period. */
export function ScheduleTable({ family, currency, assigneeLabel }: ScheduleTableProps) {
  const timeZone = family.convention.timeZone;
  const columns = scheduleColumns(family);
  const firstStarts = new Map<string, string>();
  for (const group of family.groups)
    for (const slice of group.slices ?? []) {
      if (!slice.start) continue;
      const date = isoDateIn(slice.start, timeZone);
      if (!firstStarts.has(date)) firstStarts.set(date, slice.start);
    }
  return (
    <Table bordered density="condensed" testId="schedule-table">
      <TableHead>
        <TableRow>
          <TableHeader>Assignee</TableHeader>
          {columns.map((date) => (
            <TableHeader key={date} align="right">
              {periodLabel(firstStarts.get(date) ?? null, family.milestone, timeZone)}
            </TableHeader>
          ))}
          <TableHeader align="right">Total</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {family.groups.map((group) => {
          const byDate = new Map(
            (group.slices ?? []).filter((s) => s.start).map((s) => [isoDateIn(s.start ?? '', timeZone), s]),
          );
          return (
            <TableRow
              key={group.groupId ?? assigneeLabel(group)}
              testId={`schedule-row-${group.groupId ?? 'none'}`}
            >
              <TableCell>{assigneeLabel(group)}</TableCell>
              {columns.map((date) => {
                const slice = byDate.get(date);
                return (
                  <TableCell key={date} align="right">
                    {slice ? formatGoalAmount(slice.targetAmount, family.goalType, currency) : '—'}
                  </TableCell>
                );
              })}
              <TableCell align="right">
                {formatGoalAmount(group.totalTarget, family.goalType, currency)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
