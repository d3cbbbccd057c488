import type { GroupDto } from '@goal-families/contract';
import { formatGoalAmount, percentOf, periodLabel } from '@goal-families/ui';
import { ProgressBar, Text } from '@hubspot/ui-extensions';

interface CurrentPeriodProps {
  group: GroupDto | null;
  milestone: string;
  goalType: string;
  currency: string;
  timeZone: string;
}

/** The running period's progress: value against target, amounts exact, the bar a display percentage. */
export function CurrentPeriod({ group, milestone, goalType, currency, timeZone }: CurrentPeriodProps) {
  const current = group?.current ?? null;
  if (!current) {
    return (
      <Text variant="microcopy" testId="no-current-period">
        No period of this goal is running today.
      </Text>
    );
  }
  const percent = percentOf(current.kpi, current.target);
  return (
    <ProgressBar
      title={periodLabel(current.start, milestone, timeZone, current.end)}
      value={Math.min(100, Math.max(0, percent ?? 0))}
      maxValue={100}
      showPercentage
      variant={percent !== null && percent >= 100 ? 'success' : undefined}
      valueDescription={`${formatGoalAmount(current.kpi, goalType, currency)} of ${formatGoalAmount(current.target, goalType, currency)}`}
      testId="current-progress"
    />
  );
}
