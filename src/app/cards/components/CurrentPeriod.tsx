import type { GroupDto } from '@goal-families/contract';
import { type GoalLike, percentOf, useFormat } from '@goal-families/ui';
import { ProgressBar, Text } from '@hubspot/ui-extensions';

interface CurrentPeriodProps {
  group: GroupDto | null;
  goal: GoalLike & { milestone: string };
  timeZone: string;
  /** Unique per goal: the card shows several. */
  testId: string;
}

/** The running period's progress: amounts exact, the bar a display percentage that may pass 100%. */
export function CurrentPeriod({ group, goal, timeZone, testId }: CurrentPeriodProps) {
  const format = useFormat();
  const current = group?.current ?? null;
  if (!current) {
    return (
      <Text variant="microcopy" testId={`no-current-${testId}`}>
        No period of this goal is running today.
      </Text>
    );
  }
  const percent = percentOf(current.kpi, current.target);
  const achieved = percent !== null && percent >= 100;
  const amounts = `${format.amount(current.kpi, goal)} of ${format.amount(current.target, goal)}`;
  return (
    <ProgressBar
      title={format.period(current, goal.milestone, timeZone)}
      // The bar stops at full; the words say how far past the target it is.
      value={Math.min(100, Math.max(0, percent ?? 0))}
      maxValue={100}
      variant={achieved ? 'success' : undefined}
      valueDescription={`${amounts} · ${format.percent(percent)}${achieved ? ' · achieved' : ''}`}
      testId={testId}
    />
  );
}
