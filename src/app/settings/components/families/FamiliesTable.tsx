import type { FamilySummaryDto } from '@goal-families/contract';
import { useFormat } from '@goal-families/ui';
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
  timeZone: string;
  onOpen: (uuid: string) => void;
}

/** One row per goal; the name opens it. */
export function FamiliesTable({ families, timeZone, onOpen }: FamiliesTableProps) {
  const format = useFormat();
  return (
    <Table bordered testId="families-table">
      <TableHead>
        <TableRow>
          <TableHeader>Goal</TableHeader>
          <TableHeader>Type</TableHeader>
          <TableHeader>Periods</TableHeader>
          <TableHeader align="right">Assignees</TableHeader>
          <TableHeader align="right">Targets</TableHeader>
          <TableHeader align="right">Target</TableHeader>
          <TableHeader align="right">Progress</TableHeader>
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
            <TableCell>{format.goalType(family.goalType)}</TableCell>
            <TableCell>{`${format.milestone(family.milestone)} · ${format.span(family.periodStart, family.periodEnd, timeZone)}`}</TableCell>
            <TableCell align="right">{format.integer(family.groups.length)}</TableCell>
            <TableCell align="right">{format.integer(family.sliceCount)}</TableCell>
            <TableCell align="right">{format.amount(family.totalTarget, family)}</TableCell>
            <TableCell align="right">{format.amount(family.totalKpi, family)}</TableCell>
            <TableCell>
              <HealthStatus healthy={family.healthy} findingCount={family.findingCount} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
