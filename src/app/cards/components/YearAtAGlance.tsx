import type { SliceDto } from '@goal-families/contract';
import { containsInstant, type GoalLike, useFormat } from '@goal-families/ui';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';

interface YearAtAGlanceProps {
  slices: readonly SliceDto[];
  goal: GoalLike & { milestone: string };
  timeZone: string;
  now: Date;
  testId: string;
}

/** Every period of the assignee's targets: target and progress, the current one marked. */
export function YearAtAGlance({ slices, goal, timeZone, now, testId }: YearAtAGlanceProps) {
  const format = useFormat();
  if (slices.length === 0) return null;
  return (
    <Table density="compact" flush testId={testId}>
      <TableHead>
        <TableRow>
          <TableHeader>Period</TableHeader>
          <TableHeader align="right">Target</TableHeader>
          <TableHeader align="right">Progress</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {slices.map((slice) => {
          const label = format.period(slice, goal.milestone, timeZone);
          const current = containsInstant(slice.start, slice.end, now);
          return (
            <TableRow key={slice.id}>
              <TableCell>
                {current ? <Text format={{ fontWeight: 'bold' }}>{`▸ ${label}`}</Text> : label}
              </TableCell>
              <TableCell align="right">{format.amount(slice.targetAmount, goal)}</TableCell>
              <TableCell align="right">{format.amount(slice.kpiValue, goal)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
