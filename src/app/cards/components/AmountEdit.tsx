import {
  AmountCheck,
  amountSanity,
  MutationSteps,
  needsConfirmation,
  useFormat,
  useMutationFlow,
  useNames,
} from '@goal-families/ui';
import { Flex, Input, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { defaultSlice } from '../utils/familyView';
import type { EditFormProps } from './FamilyEditor';
import { SlicePicker } from './SlicePicker';

/** F4: one period's target, through `goal_target_update`. */
export function AmountEdit({ family, group, slices, goal, environment, onApplied, onCancel }: EditFormProps) {
  const format = useFormat();
  const names = useNames();
  const { client, timeZone } = environment;
  const initial = defaultSlice(slices, environment.now());
  const [sliceId, setSliceId] = useState(initial?.id ?? '');
  const [amountText, setAmountText] = useState(format.amountInput(initial?.targetAmount ?? null));
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [notify, setNotify] = useState(false);
  const amount = format.parseAmount(amountText);
  const slice = slices.find((s) => s.id === sliceId);
  const current = slice?.targetAmount ?? null;
  const sanity = amount.ok ? amountSanity(amount.value, current) : { kind: 'ok' as const };
  const confirmed = amount.ok && confirmedFor === amount.value;

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_target_update', {
        uuid: family.uuid,
        targetId: sliceId,
        targetAmount: amount.ok ? amount.value : '',
        notify,
        ...request,
      }),
    (result) => onApplied(result.plan),
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };
  const missing = [
    ...(slice ? [] : ['Choose a period.']),
    ...(amount.ok ? [] : [amountText.trim() === '' ? 'Enter the new target.' : amount.message]),
    ...(amount.ok && current !== null && amount.value === current
      ? ['Enter a target that differs from the current one.']
      : []),
    ...(needsConfirmation(sanity) && !confirmed ? ['Confirm the unusual amount.'] : []),
  ];
  const period = slice ? format.period(slice, family.milestone, timeZone) : '';

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
            setAmountText(format.amountInput(slices.find((s) => s.id === id)?.targetAmount ?? null));
          })
        }
      />
      <Input
        label="New target"
        name="amount"
        value={amountText}
        description={
          slice
            ? `Now ${format.amount(slice.targetAmount, goal)} · type it like ${format.amountExample}`
            : undefined
        }
        error={!amount.ok && amountText !== ''}
        validationMessage={!amount.ok && amountText !== '' ? amount.message : undefined}
        onInput={(value) => edit(() => setAmountText(value))}
        onChange={(value) => edit(() => setAmountText(value))}
        testId="amount-input"
      />
      {amount.ok && (
        <AmountCheck
          sanity={sanity}
          next={format.amount(amount.value, goal)}
          current={current === null ? null : format.amount(current, goal)}
          confirmed={confirmed}
          locale={format.locale}
          onConfirm={(yes) => edit(() => setConfirmedFor(yes ? amount.value : null))}
        />
      )}
      {slice && (
        <Text variant="microcopy" testId="change-scope">
          {`This changes ${names.assignee(group.assignee)}’s target for ${period} only; the goal’s other targets stay as they are.`}
        </Text>
      )}
      <MutationSteps
        state={flow.state}
        goal={goal}
        missing={missing}
        notify={{ checked: notify, onChange: (v) => edit(() => setNotify(v)) }}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Change the target"
      />
    </Flex>
  );
}
