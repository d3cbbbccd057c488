import type { FamilyIndexEntry } from '@goal-families/contract';
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

interface StoredFamiliesTableProps {
  entries: FamilyIndexEntry[];
  timeZone: string;
  onOpen: (uuid: string) => void;
}

/**
 * The page of goals as the stored index holds them (no call per page): what a goal is, its periods,
 * who and how many targets, and the last health check's verdict. Amounts and progress show when a
 * goal is opened, read live.
 */
export function StoredFamiliesTable({ entries, timeZone, onOpen }: StoredFamiliesTableProps) {
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
          <TableHeader>Health</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.uuid} testId={`family-row-${entry.uuid}`}>
            <TableCell>
              <Button variant="transparent" onClick={() => onOpen(entry.uuid)} testId={`open-${entry.uuid}`}>
                {entry.name}
              </Button>
            </TableCell>
            <TableCell>{format.goalType(entry.goalType)}</TableCell>
            <TableCell>{`${format.milestone(entry.milestone)} · ${format.span(entry.periodStart, entry.periodEnd, timeZone)}`}</TableCell>
            <TableCell align="right">
              {format.integer(entry.ownerIds.length + entry.teamIds.length)}
            </TableCell>
            <TableCell align="right">{format.integer(entry.sliceCount)}</TableCell>
            <TableCell>
              {entry.health ? (
                <HealthStatus healthy={entry.health.healthy} findingCount={entry.health.findingCount} />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
