import { formatGoalAmount, parseMoneyInput, sumMoney } from '@goal-families/ui';
import { Input, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@hubspot/ui-extensions';
import { activePeriodCountOf, type CreateForm, periodLabels } from '../../utils/createForm';

interface AmountGridProps {
  form: CreateForm;
  problems: Record<string, string>;
  currency: string;
  onChange: (amounts: string[]) => void;
}

/** One amount per period with a target (the same for every assignee), with the exact total below. */
export function AmountGrid({ form, problems, currency, onChange }: AmountGridProps) {
  const labels = periodLabels(form, { activeOnly: true });
  const count = activePeriodCountOf(form) ?? 0;
  const amounts = Array.from({ length: count }, (_, i) => form.amounts[i] ?? '');
  const setAt = (index: number, value: string) => onChange(amounts.map((a, i) => (i === index ? value : a)));
  const parsed = amounts.map((a) => parseMoneyInput(a));
  const total = formatGoalAmount(
    sumMoney(parsed.map((p) => (p.ok ? p.value : null))),
    form.goalType,
    currency,
  );
  const missing = parsed.filter((p) => !p.ok).length;
  return (
    <Table bordered density="condensed" testId="amount-grid">
      <TableHead>
        <TableRow>
          <TableHeader>Period</TableHeader>
          <TableHeader>Amount</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {labels.map((label, index) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>
              <Input
                label={label}
                name={`amount${index}`}
                value={amounts[index]}
                error={amounts[index] !== '' && !!problems[`amount${index}`]}
                validationMessage={amounts[index] !== '' ? problems[`amount${index}`] : undefined}
                onInput={(v) => setAt(index, v)}
                onChange={(v) => setAt(index, v)}
              />
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell>Total per assignee</TableCell>
          <TableCell>
            {missing > 0 ? `${total} (${missing} period${missing === 1 ? '' : 's'} still to fill)` : total}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
