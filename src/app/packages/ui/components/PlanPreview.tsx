import type { PlanDto } from '@goal-families/contract';
import {
  Alert,
  Flex,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { type ReactNode, useState } from 'react';
import { formatGoalAmount } from '../goalUnit';
import { isoDateIn } from '../periods';

const PAGE_SIZE = 10;

const PROPERTY_LABELS: Record<string, string> = {
  hs_goal_name: 'Name',
  hs_target_amount: 'Target',
  hs_kpi_value: 'Actual (override)',
  hs_pipeline_ids: 'Pipelines',
  hs_goal_type: 'Goal type',
  hs_milestone: 'Period length',
  hs_goal_target_group_id: 'Group id',
  hs_group_correlation_uuid: 'Family id',
  hs_start_datetime: 'Start',
  hs_end_datetime: 'End',
};
const MONEY_PROPERTIES = new Set(['hs_target_amount', 'hs_kpi_value']);

/** Target and actual follow the slice's goal type: money for revenue goals, a plain number for counts. */
function displayValue(
  property: string,
  value: string | null,
  goalType: string | null,
  currency: string,
): string {
  if (value === null || value === '') return '(empty)';
  return MONEY_PROPERTIES.has(property) ? formatGoalAmount(value, goalType, currency) : value;
}

/** A plan that sets the goal type shows its amounts in the new type's unit. */
function goalTypeAfter(changes: readonly { property: string; after: string | null }[], known: string | null) {
  return changes.find((c) => c.property === 'hs_goal_type')?.after ?? known;
}

function Paged<T>({ rows, render }: { rows: T[]; render: (pageRows: T[]) => ReactNode }) {
  const [page, setPage] = useState(1);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (pageCount === 1) return <Table bordered>{render(pageRows)}</Table>;
  return (
    <Table bordered paginated pageCount={pageCount} page={page} onPageChange={setPage}>
      {render(pageRows)}
    </Table>
  );
}

/** Exactly what applying a plan would do, slice by slice. */
export function PlanPreview({
  plan,
  goalType,
  currency,
  timeZone,
}: {
  plan: PlanDto;
  /** The goal's hs_goal_type, or null where the screen does not know it (amounts then show as plain numbers). */
  goalType: string | null;
  currency: string;
  timeZone: string;
}) {
  const changes = plan.updates.flatMap((update) => {
    const sliceGoalType = goalTypeAfter(update.changes, goalType);
    return update.changes.map((change) => ({ id: update.id, label: update.label, sliceGoalType, ...change }));
  });
  const nothing = plan.updates.length + plan.creates.length + plan.archives.length === 0;
  const calls = plan.batches.create + plan.batches.update + plan.batches.archive;
  return (
    <Flex direction="column" gap="sm">
      <Text format={{ fontWeight: 'demibold' }} testId="plan-summary">
        {plan.summary}
      </Text>
      {plan.warnings.length > 0 && (
        <Alert title="Check before applying" variant="warning" testId="plan-warnings">
          {plan.warnings.map((warning) => (
            <Text key={warning}>{warning}</Text>
          ))}
        </Alert>
      )}
      {nothing && <Text testId="plan-nothing">Nothing would change.</Text>}
      {changes.length > 0 && (
        <Paged
          rows={changes}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>Slice</TableHeader>
                  <TableHeader>Field</TableHeader>
                  <TableHeader>Before</TableHeader>
                  <TableHeader>After</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => (
                  <TableRow
                    key={`${row.id}:${row.property}`}
                    testId={`plan-update-${row.id}-${row.property}`}
                  >
                    <TableCell>{row.label}</TableCell>
                    <TableCell>{PROPERTY_LABELS[row.property] ?? row.property}</TableCell>
                    <TableCell>
                      {displayValue(row.property, row.before, row.sliceGoalType, currency)}
                    </TableCell>
                    <TableCell>
                      {displayValue(row.property, row.after, row.sliceGoalType, currency)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
      {plan.creates.length > 0 && (
        <Paged
          rows={plan.creates}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>New slice for</TableHeader>
                  <TableHeader>From</TableHeader>
                  <TableHeader>To</TableHeader>
                  <TableHeader>Target</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((create) => (
                  <TableRow key={`${create.assignee?.kind}:${create.assignee?.id}:${create.start}`}>
                    <TableCell>
                      {create.assignee ? `${create.assignee.kind} ${create.assignee.id}` : '—'}
                    </TableCell>
                    <TableCell>{isoDateIn(create.start, timeZone)}</TableCell>
                    <TableCell>{isoDateIn(create.end, timeZone)}</TableCell>
                    <TableCell>
                      {displayValue(
                        'hs_target_amount',
                        create.properties.hs_target_amount ?? null,
                        create.properties.hs_goal_type ?? goalType,
                        currency,
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
      {plan.archives.length > 0 && (
        <Paged
          rows={plan.archives}
          render={(rows) => (
            <>
              <TableHead>
                <TableRow>
                  <TableHeader>Slice to archive</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((archive) => (
                  <TableRow key={archive.id}>
                    <TableCell>{archive.label}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </>
          )}
        />
      )}
      {!nothing && (
        <Text variant="microcopy">
          {`${plan.updates.length} updated, ${plan.creates.length} created, ${plan.archives.length} archived — ${calls} HubSpot batch call${calls === 1 ? '' : 's'}.`}
        </Text>
      )}
    </Flex>
  );
}
