import { type GoalLike, sumMoney, useFormat, useNames } from '@goal-families/ui';
import {
  Button,
  Flex,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import {
  assigneeKey,
  assigneesOf,
  type CreateForm,
  gridTotals,
  periodCountOf,
  periodLabels,
} from '../../utils/createForm';

interface AmountGridProps {
  form: CreateForm;
  problems: Record<string, string>;
  goal: GoalLike;
  onChange: (grid: Record<string, string[]>) => void;
}

/**
 * Different targets per assignee, as HubSpot's own tool allows: one row per assignee, one column per
 * period, each row's total and the grand total below; "apply to every assignee" copies the first row.
 */
export function AmountGrid({ form, problems, goal, onChange }: AmountGridProps) {
  const format = useFormat();
  const names = useNames();
  const labels = periodLabels(form, format);
  const count = periodCountOf(form) ?? 0;
  const assignees = assigneesOf(form);
  const totals = gridTotals(form, format.locale);
  const rowOf = (key: string) => Array.from({ length: count }, (_, i) => form.grid[key]?.[i] ?? '');
  const setCell = (key: string, index: number, value: string) =>
    onChange({ ...form.grid, [key]: rowOf(key).map((a, i) => (i === index ? value : a)) });
  const first = assignees[0];
  const applyFirstToAll = () => {
    if (!first) return;
    const row = rowOf(assigneeKey(first));
    onChange(Object.fromEntries(assignees.map((a) => [assigneeKey(a), [...row]])));
  };
  const columnTotal = (index: number) =>
    format.amount(
      sumMoney(
        assignees.map((a) => {
          const parsed = format.parseAmount(form.grid[assigneeKey(a)]?.[index] ?? '');
          return parsed.ok ? parsed.value : null;
        }),
      ),
      goal,
    );

  if (assignees.length === 0) {
    return (
      <Text variant="microcopy" testId="amount-grid-empty">
        Choose the people and teams first: each gets a row of targets here.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <Flex gap="sm" align="center">
        <Button size="xs" variant="secondary" onClick={applyFirstToAll} testId="grid-apply-all">
          {`Apply ${first ? names.assignee(first) : 'the first row'}’s targets to every assignee`}
        </Button>
        <Text variant="microcopy">{`Type amounts like ${format.amountExample}.`}</Text>
      </Flex>
      <Table bordered density="condensed" testId="amount-grid">
        <TableHead>
          <TableRow>
            <TableHeader>Assignee</TableHeader>
            {labels.map((label) => (
              <TableHeader key={label}>{label}</TableHeader>
            ))}
            <TableHeader align="right">Total</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {assignees.map((assignee) => {
            const key = assigneeKey(assignee);
            const problem = problems[`grid:${key}`];
            return (
              <TableRow key={key} testId={`grid-row-${key}`}>
                <TableCell>{names.assignee(assignee)}</TableCell>
                {labels.map((label, index) => (
                  <TableCell key={label}>
                    <Input
                      label={`${names.assignee(assignee)}, ${label}`}
                      name={`grid-${key}-${index}`}
                      value={rowOf(key)[index] ?? ''}
                      error={
                        problem !== undefined &&
                        (rowOf(key)[index] ?? '') !== '' &&
                        !format.parseAmount(rowOf(key)[index] ?? '').ok
                      }
                      onInput={(v) => setCell(key, index, v)}
                      onChange={(v) => setCell(key, index, v)}
                    />
                  </TableCell>
                ))}
                <TableCell align="right">{format.amount(totals.rows[key] ?? '0.00', goal)}</TableCell>
              </TableRow>
            );
          })}
          <TableRow testId="grid-total-row">
            <TableCell>Total</TableCell>
            {labels.map((label, index) => (
              <TableCell key={label}>{columnTotal(index)}</TableCell>
            ))}
            <TableCell align="right">{format.amount(totals.total, goal)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Flex>
  );
}
