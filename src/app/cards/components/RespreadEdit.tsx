import {
  AmountCheck,
  amountSanity,
  MutationSteps,
  needsConfirmation,
  respreadFromDate,
  subtractMoney,
  sumMoney,
  toCents,
  useFormat,
  useMutationFlow,
  useNames,
} from '@goal-families/ui';
import { Flex, Input, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { defaultSlice } from '../utils/familyView';
import type { EditFormProps } from './FamilyEditor';
import { SlicePicker } from './SlicePicker';

/** F6: keep the periods before the chosen one, share the rest of the year's total evenly from it on. */
export function RespreadEdit({
  family,
  group,
  slices,
  goal,
  environment,
  onApplied,
  onCancel,
}: EditFormProps) {
  const format = useFormat();
  const names = useNames();
  const { client, timeZone } = environment;
  const startable = slices.filter((s) => s.start !== null);
  const [fromId, setFromId] = useState(defaultSlice(startable, environment.now())?.id ?? '');
  const [totalText, setTotalText] = useState(format.amountInput(group.totalTarget));
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [notify, setNotify] = useState(false);
  const total = format.parseAmount(totalText);
  const fromIndex = startable.findIndex((s) => s.id === fromId);
  const from = startable[fromIndex];
  const kept = sumMoney(startable.slice(0, Math.max(0, fromIndex)).map((s) => s.targetAmount));
  const remaining = total.ok ? subtractMoney(total.value, kept) : null;
  const remainingOk = remaining !== null && (toCents(remaining) ?? -1n) >= 0n;
  const periodsLeft = fromIndex < 0 ? 0 : startable.length - fromIndex;
  const sanity = total.ok ? amountSanity(total.value, group.totalTarget) : { kind: 'ok' as const };
  const confirmed = total.ok && confirmedFor === total.value;
  const who = names.assignee(group.assignee);

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_family_update', {
        uuid: family.uuid,
        respread: {
          ...(group.groupId ? { groupId: group.groupId } : {}),
          from: from?.start ? respreadFromDate(from.start) : '',
          spread: { mode: 'even', total: total.ok ? total.value : '' },
        },
        notify,
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
        {`${who}’s targets are not linked together in HubSpot, so they cannot be spread as one. Repair the goal in the app settings first.`}
      </Text>
    );
  }
  const missing = [
    ...(from ? [] : ['Choose the first period to change.']),
    ...(total.ok ? [] : [totalText.trim() === '' ? 'Enter the total for the whole year.' : total.message]),
    ...(total.ok && remaining !== null && !remainingOk
      ? ['Enter a total at least as large as what the earlier periods already hold.']
      : []),
    ...(needsConfirmation(sanity) && !confirmed ? ['Confirm the unusual total.'] : []),
  ];
  const last = startable[startable.length - 1];
  return (
    <Flex direction="column" gap="sm">
      <SlicePicker
        label="Spread from"
        name="respread-from"
        slices={startable}
        value={fromId}
        milestone={family.milestone}
        timeZone={timeZone}
        onChange={(id) => edit(() => setFromId(id))}
      />
      <Input
        label="Total for the whole year"
        name="respread-total"
        value={totalText}
        description={`Now ${format.amount(group.totalTarget, goal)} · type it like ${format.amountExample}`}
        error={!total.ok}
        validationMessage={total.ok ? undefined : total.message}
        onInput={(value) => edit(() => setTotalText(value))}
        onChange={(value) => edit(() => setTotalText(value))}
        testId="respread-total-input"
      />
      {total.ok && (
        <AmountCheck
          sanity={sanity}
          next={format.amount(total.value, goal)}
          current={format.amount(group.totalTarget, goal)}
          confirmed={confirmed}
          locale={format.locale}
          onConfirm={(yes) => edit(() => setConfirmedFor(yes ? total.value : null))}
        />
      )}
      {total.ok && remaining !== null && (
        <Text variant="microcopy" testId="respread-explanation">
          {remainingOk
            ? `${format.amount(kept, goal)} stays on the earlier periods; ${format.amount(remaining, goal)} is shared evenly over ${format.count(periodsLeft, 'period')}.`
            : `The earlier periods already add up to ${format.amount(kept, goal)}, more than this total.`}
        </Text>
      )}
      {from && last && (
        <Text variant="microcopy" testId="change-scope">
          {`This changes ${who}’s targets from ${format.period(from, family.milestone, timeZone)} to ${format.period(last, family.milestone, timeZone)} (${format.count(periodsLeft, 'target')}); other assignees keep theirs.`}
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
        applyLabel="Spread the total"
      />
    </Flex>
  );
}
