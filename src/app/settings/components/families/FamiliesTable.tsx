import type { FamilyIndexEntry, FamilySummaryDto } from '@goal-families/contract';
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

/** What one row of the goals table shows, from a live summary or from the stored index. */
export type GoalRow = {
  uuid: string;
  name: string;
  goalType: string;
  milestone: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** The zone the goal's months show in. */
  timeZone: string;
  assignees: number;
  targets: number;
  /** Live summaries only: the stored index keeps no amounts (they show when the goal is opened). */
  amounts: { target: string; progress: string; goal: FamilySummaryDto } | null;
  health: { healthy: boolean; findingCount: number } | null;
};

/** A live summary's row: its months in its own time zone (read from its slices). */
export const rowOfSummary = (family: FamilySummaryDto): GoalRow => ({
  uuid: family.uuid,
  name: family.name,
  goalType: family.goalType,
  milestone: family.milestone,
  periodStart: family.periodStart,
  periodEnd: family.periodEnd,
  timeZone: family.convention.timeZone,
  assignees: family.groups.length,
  targets: family.sliceCount,
  amounts: { target: family.totalTarget, progress: family.totalKpi, goal: family },
  health: { healthy: family.healthy, findingCount: family.findingCount },
});

/** A stored index entry's row, with the last health check's verdict. */
export const rowOfEntry = (entry: FamilyIndexEntry, timeZone: string): GoalRow => ({
  uuid: entry.uuid,
  name: entry.name,
  goalType: entry.goalType,
  milestone: entry.milestone,
  periodStart: entry.periodStart,
  periodEnd: entry.periodEnd,
  timeZone,
  assignees: entry.ownerIds.length + entry.teamIds.length,
  targets: entry.sliceCount,
  amounts: null,
  health: entry.health ?? null,
});

interface FamiliesTableProps {
  rows: GoalRow[];
  onOpen: (uuid: string) => void;
}

/** One row per goal; the name opens it. Target and progress columns when the rows carry amounts. */
export function FamiliesTable({ rows, onOpen }: FamiliesTableProps) {
  const format = useFormat();
  const withAmounts = rows.some((r) => r.amounts !== null);
  return (
    <Table bordered testId="families-table">
      <TableHead>
        <TableRow>
          <TableHeader>Goal</TableHeader>
          <TableHeader>Type</TableHeader>
          <TableHeader>Periods</TableHeader>
          <TableHeader align="right">Assignees</TableHeader>
          <TableHeader align="right">Targets</TableHeader>
          {withAmounts && <TableHeader align="right">Target</TableHeader>}
          {withAmounts && <TableHeader align="right">Progress</TableHeader>}
          <TableHeader>Health</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.uuid} testId={`family-row-${row.uuid}`}>
            <TableCell>
              <Button variant="transparent" onClick={() => onOpen(row.uuid)} testId={`open-${row.uuid}`}>
                {row.name}
              </Button>
            </TableCell>
            <TableCell>{format.goalType(row.goalType)}</TableCell>
            <TableCell>{`${format.milestone(row.milestone)} · ${format.span(row.periodStart, row.periodEnd, row.timeZone)}`}</TableCell>
            <TableCell align="right">{format.integer(row.assignees)}</TableCell>
            <TableCell align="right">{format.integer(row.targets)}</TableCell>
            {withAmounts && (
              <TableCell align="right">
                {row.amounts ? format.amount(row.amounts.target, row.amounts.goal) : ''}
              </TableCell>
            )}
            {withAmounts && (
              <TableCell align="right">
                {row.amounts ? format.amount(row.amounts.progress, row.amounts.goal) : ''}
              </TableCell>
            )}
            <TableCell>
              {row.health ? (
                <HealthStatus healthy={row.health.healthy} findingCount={row.health.findingCount} />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
