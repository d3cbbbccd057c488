import { formatGoalAmount, MutationSteps, parseMoneyInput, useMutationFlow } from '@goal-families/ui';
import { Flex, Input } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { defaultSlice } from '../utils/familyView';
import type { EditFormProps } from './FamilyEditor';
import { SlicePicker } from './SlicePicker';

/** F4: one period's target, through `goal_target_update`. */
export function AmountEdit({ family, slices, environment, onApplied, onCancel }: EditFormProps) {
  const { client, settings, timeZone } = environment;
  const currency = settings.defaults.currency;
  const initial = defaultSlice(slices, environment.now());
  const [sliceId, setSliceId] = useState(initial?.id ?? '');
  const [amountText, setAmountText] = useState(initial?.targetAmount ?? '');
  const amount = parseMoneyInput(amountText);
  const slice = slices.find((s) => s.id === sliceId);

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_target_update', {
        uuid: family.uuid,
        targetId: sliceId,
        targetAmount: amount.ok ? amount.value : '',
        ...request,
      }),
    (result) => onApplied(result.plan),
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };

  return (
    <Flex direction="column" gap="sm">
      <SlicePicker
        label="Period"
        name="amount-period"
        slices={slices}
        value={sliceId}
        milestone={family.milestone}
        timeZone={timeZone}
        onChange={(id) =>
          edit(() => {
            setSliceId(id);
            setAmountText(slices.find((s) => s.id === id)?.targetAmount ?? '');
          })
        }
      />
      <Input
        label="New target"
        name="amount"
        value={amountText}
        description={
          slice ? `Now ${formatGoalAmount(slice.targetAmount, family.goalType, currency)}` : undefined
        }
        error={!amount.ok && amountText !== ''}
        validationMessage={!amount.ok && amountText !== '' ? amount.message : undefined}
        onInput={(value) => edit(() => setAmountText(value))}
        onChange={(value) => edit(() => setAmountText(value))}
        testId="amount-input"
      />
      <MutationSteps
        state={flow.state}
        goalType={family.goalType}
        currency={currency}
        timeZone={timeZone}
        canPreview={amount.ok && slice !== undefined}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Change the amount"
      />
    </Flex>
  );
}
