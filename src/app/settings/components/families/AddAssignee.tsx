import { MutationSteps, peopleAndTeams, useFormat, useMutationFlow, useNames } from '@goal-families/ui';
import { Flex, Input, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { scheduleColumns } from '../../utils/scheduleCsv';
import type { FamilyActionProps } from './FamilyDetail';

/** F16: one more person or team on this goal, with targets in the goal's own periods. */
export function AddAssignee({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const names = useNames();
  const { directory } = environment;
  const [who, setWho] = useState('');
  const [total, setTotal] = useState('');
  const [notify, setNotify] = useState(false);
  const taken = new Set(family.groups.map((g) => (g.assignee ? `${g.assignee.kind}:${g.assignee.id}` : '')));
  const choices = [
    ...directory.owners
      .filter((o) => !taken.has(`owner:${o.id}`))
      .map((o) => ({ label: o.name, value: `owner:${o.id}` })),
    ...directory.teams
      .filter((t) => !taken.has(`team:${t.id}`))
      .map((t) => ({ label: `${t.name} (team)`, value: `team:${t.id}` })),
  ];
  const [kind, id] = who.split(':') as ['owner' | 'team', string];
  const amount = format.parseAmount(total);
  const periods = scheduleColumns(family).length;
  const flow = useMutationFlow(
    (request) =>
      environment.client.call('goal_assignee_add', {
        uuid: family.uuid,
        assignee: { kind, id },
        spread: { mode: 'even', total: amount.ok ? amount.value : '0' },
        notify,
        ...request,
      }),
    () => onApplied(`${names.assignee({ kind, id })} added.`),
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };
  const missing = [
    ...(who === '' ? ['Choose the person or team to add.'] : []),
    ...(amount.ok ? [] : [total.trim() === '' ? 'Enter their total for the goal.' : amount.message]),
  ];
  return (
    <Flex direction="column" gap="sm" testId="add-assignee">
      <Select
        label="Person or team"
        name="assignee"
        value={who}
        options={choices}
        onChange={(v) => edit(() => setWho(String(v)))}
        testId="add-assignee-who"
      />
      <Input
        label="Their total, spread evenly over the goal’s periods"
        name="total"
        value={total}
        description={`Type it like ${format.amountExample}.`}
        error={!amount.ok && total !== ''}
        validationMessage={!amount.ok && total !== '' ? amount.message : undefined}
        onInput={(v) => edit(() => setTotal(v))}
        onChange={(v) => edit(() => setTotal(v))}
        testId="add-assignee-total"
      />
      {who !== '' && (
        <Text variant="microcopy" testId="change-scope">
          {`Adds ${names.assignee({ kind, id })} to “${family.name}” with ${format.count(periods, 'target')} (${format.span(family.periodStart, family.periodEnd, goal.timeZone)}), next to ${peopleAndTeams(
            family.groups.map((g) => g.assignee),
            format,
          )}.`}
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
        applyLabel="Add to the goal"
      />
    </Flex>
  );
}
