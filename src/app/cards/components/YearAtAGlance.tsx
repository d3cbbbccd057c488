import type { SliceDto } from '@goal-families/contract';
import { containsInstant, formatGoalAmount, periodLabel } from '@goal-families/ui';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';

interface YearAtAGlanceProps {
  slices: readonly SliceDto[];
  milestone: string;
  goalType: string;
  currency: string;
  timeZone: string;
  now: Date;
}

/** Every period of the assignee's schedule: target and value, the current one marked. */
export function YearAtAGlance({ slices, milestone, goalType, currency, timeZone, now }: YearAtAGlanceProps) {
  if (slices.length === 0) return null;
  return (
    <Table density="compact" flush testId="year-at-a-glance">
      <TableHead>
        <TableRow>
          <TableHeader>Period</TableHeader>
          <TableHeader align="right">Target</TableHeader>
          <TableHeader align="right">Actual</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {slices.map((slice) => {
          const label = periodLabel(slice.start, milestone, timeZone, slice.end);
          const current = containsInstant(slice.start, slice.end, now);
          return (
            <TableRow key={slice.id} testId={`slice-row-${slice.id}`}>
              <TableCell>
                {current ? <Text format={{ fontWeight: 'bold' }}>{`▸ ${label}`}</Text> : label}
              </TableCell>
              <TableCell align="right">{formatGoalAmount(slice.targetAmount, goalType, currency)}</TableCell>
              <TableCell align="right">{formatGoalAmount(slice.kpiValue, goalType, currency)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
