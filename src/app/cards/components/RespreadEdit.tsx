import {
  formatGoalAmount,
  MutationSteps,
  parseMoneyInput,
  respreadFromDate,
  subtractMoney,
  sumMoney,
  toCents,
  useMutationFlow,
} from '@goal-families/ui';
import { Flex, Input, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { defaultSlice } from '../utils/familyView';
import type { EditFormProps } from './FamilyEditor';
import { SlicePicker } from './SlicePicker';

/** F6: keep the periods before the chosen one, share the rest of the year's total evenly from it on. */
export function RespreadEdit({ family, group, slices, environment, onApplied, onCancel }: EditFormProps) {
  const { client, settings, timeZone } = environment;
  const currency = settings.defaults.currency;
  const startable = slices.filter((s) => s.start !== null);
  const [fromId, setFromId] = useState(defaultSlice(startable, environment.now())?.id ?? '');
  const [totalText, setTotalText] = useState(group.totalTarget);
  const total = parseMoneyInput(totalText);
  const fromIndex = startable.findIndex((s) => s.id === fromId);
  const from = startable[fromIndex];
  const kept = sumMoney(startable.slice(0, Math.max(0, fromIndex)).map((s) => s.targetAmount));
  const remaining = total.ok ? subtractMoney(total.value, kept) : null;
  const remainingOk = remaining !== null && (toCents(remaining) ?? -1n) >= 0n;
  const periodsLeft = fromIndex < 0 ? 0 : startable.length - fromIndex;

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_family_update', {
        uuid: family.uuid,
        respread: {
          ...(group.groupId ? { groupId: group.groupId } : {}),
          from: from?.start ? respreadFromDate(from.start) : '',
          spread: { mode: 'even', total: total.ok ? total.value : '' },
        },
        ...request,
      }),
    (result) => onApplied(result.plan),
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };

  if (!group.groupId) {
    return (
      <Text testId="respread-unavailable">
        This schedule has no target group id, so it cannot be re-spread on its own. Repair the goal in the app
        settings first.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <SlicePicker
        label="Re-spread from"
        name="respread-from"
        slices={startable}
        value={fromId}
        milestone={family.milestone}
        timeZone={timeZone}
        onChange={(id) => edit(() => setFromId(id))}
      />
      <Input
        label="Total for the whole schedule"
        name="respread-total"
        value={totalText}
        description={`Now ${formatGoalAmount(group.totalTarget, family.goalType, currency)}`}
        error={!total.ok}
        validationMessage={total.ok ? undefined : total.message}
        onInput={(value) => edit(() => setTotalText(value))}
        onChange={(value) => edit(() => setTotalText(value))}
        testId="respread-total-input"
      />
      {total.ok && remaining !== null && (
        <Text variant="microcopy" testId="respread-explanation">
          {remainingOk
            ? `${formatGoalAmount(kept, family.goalType, currency)} stays on the earlier periods; ${formatGoalAmount(remaining, family.goalType, currency)} is shared evenly over ${periodsLeft} period${periodsLeft === 1 ? '' : 's'}.`
            : `The earlier periods already add up to ${formatGoalAmount(kept, family.goalType, currency)}, more than this total.`}
        </Text>
      )}
      <MutationSteps
        state={flow.state}
        goalType={family.goalType}
        currency={currency}
        timeZone={timeZone}
        canPreview={total.ok && remainingOk && from !== undefined}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Re-spread"
      />
    </Flex>
  );
}
