import type { FamilySummaryDto } from '@goal-families/contract';
import { formatGoalAmount, periodLabel } from '@goal-families/ui';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import { HealthStatus } from './HealthStatus';

interface FamiliesTableProps {
  families: FamilySummaryDto[];
  currency: string;
  onOpen: (uuid: string) => void;
}

/** The months a family spans, in its own time zone (read from its slices, never the default zone). */
function span(family: FamilySummaryDto): string {
  const timeZone = family.convention.timeZone;
  const from = periodLabel(family.periodStart, 'monthly', timeZone);
  const to = periodLabel(family.periodEnd, 'monthly', timeZone);
  return from === to ? from : `${from} – ${to}`;
}

/** One row per family; the name opens it. */
export function FamiliesTable({ families, currency, onOpen }: FamiliesTableProps) {
  return (
    <Table bordered testId="families-table">
      <TableHead>
        <TableRow>
          <TableHeader>Goal</TableHeader>
          <TableHeader>Type</TableHeader>
          <TableHeader>Periods</TableHeader>
          <TableHeader align="right">Assignees</TableHeader>
          <TableHeader align="right">Slices</TableHeader>
          <TableHeader align="right">Target</TableHeader>
          <TableHeader align="right">Actual</TableHeader>
          <TableHeader>Health</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {families.map((family) => (
          <TableRow key={family.uuid} testId={`family-row-${family.uuid}`}>
            <TableCell>
              <Button
                variant="transparent"
                onClick={() => onOpen(family.uuid)}
                testId={`open-${family.uuid}`}
              >
                {family.name}
              </Button>
            </TableCell>
            <TableCell>{family.goalType}</TableCell>
            <TableCell>{`${family.milestone} · ${span(family)}`}</TableCell>
            <TableCell align="right">{String(family.groups.length)}</TableCell>
            <TableCell align="right">{String(family.sliceCount)}</TableCell>
            <TableCell align="right">
              {formatGoalAmount(family.totalTarget, family.goalType, currency)}
            </TableCell>
            <TableCell align="right">
              {formatGoalAmount(family.totalKpi, family.goalType, currency)}
            </TableCell>
            <TableCell>
              <HealthStatus healthy={family.healthy} findingCount={family.findingCount} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
