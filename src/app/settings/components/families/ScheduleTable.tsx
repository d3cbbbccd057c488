import type { FamilyDto } from '@goal-families/contract';
import { type GoalContext, isoDateIn, useFormat, useNames } from '@goal-families/ui';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import { scheduleColumns } from '../../utils/scheduleCsv';

interface ScheduleTableProps {
  family: FamilyDto;
  goal: GoalContext;
}

/** The goal's targets: one row per assignee, one column per period, the total at the end. */
export function ScheduleTable({ family, goal }: ScheduleTableProps) {
  const format = useFormat();
  const names = useNames();
  const timeZone = goal.timeZone;
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
              {format.period({ start: firstStarts.get(date) ?? null }, family.milestone, timeZone)}
            </TableHeader>
          ))}
          <TableHeader align="right">Total</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {family.groups.map((group, index) => {
          const byDate = new Map(
            (group.slices ?? []).filter((s) => s.start).map((s) => [isoDateIn(s.start ?? '', timeZone), s]),
          );
          return (
            <TableRow
              key={group.groupId ?? `none-${index}`}
              testId={`schedule-row-${group.assignee ? `${group.assignee.kind}-${group.assignee.id}` : 'none'}`}
            >
              <TableCell>{names.assignee(group.assignee)}</TableCell>
              {columns.map((date) => {
                const slice = byDate.get(date);
                return (
                  <TableCell key={date} align="right">
                    {slice ? format.amount(slice.targetAmount, goal) : '—'}
                  </TableCell>
                );
              })}
              <TableCell align="right">{format.amount(group.totalTarget, goal)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
