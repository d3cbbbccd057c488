import { MutationSteps, useFormat, useMutationFlow, useNames } from '@goal-families/ui';
import { Flex, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { FamilyActionProps } from './FamilyDetail';

/** F16: take a person or team off this goal: every target of theirs is archived (restorable for 90 days). */
export function RemoveAssignee({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const names = useNames();
  const [who, setWho] = useState('');
  const groups = family.groups.filter((g) => g.assignee !== null);
  const chosen = groups.filter((g) => g.assignee && `${g.assignee.kind}:${g.assignee.id}` === who);
  const assignee = chosen[0]?.assignee ?? null;
  const targets = chosen.reduce((n, g) => n + (g.slices?.length ?? 0), 0);
  const flow = useMutationFlow(
    (request) =>
      environment.client.call('goal_assignee_remove', {
        uuid: family.uuid,
        assignee: assignee ? { kind: assignee.kind, id: assignee.id } : { kind: 'owner', id: '0' },
        ...request,
      }),
    () => onApplied(`${names.assignee(assignee)} removed.`),
  );
  const options = [
    ...new Map(
      groups.map((g) => [
        `${g.assignee?.kind}:${g.assignee?.id}`,
        { label: names.assignee(g.assignee), value: `${g.assignee?.kind}:${g.assignee?.id}` },
      ]),
    ).values(),
  ];
  const last = options.length <= 1;
  return (
    <Flex direction="column" gap="sm" testId="remove-assignee">
      <Select
        label="Person or team to remove"
        name="assignee"
        value={who}
        options={options}
        onChange={(v) => {
          setWho(String(v));
          flow.reset();
        }}
        testId="remove-assignee-who"
      />
      {assignee && (
        <Text variant="microcopy" testId="change-scope">
          {`Archives ${names.assignee(assignee)}’s ${format.count(targets, 'target')}; everyone else keeps theirs. Archived targets can be restored in HubSpot for 90 days.`}
        </Text>
      )}
      <MutationSteps
        state={flow.state}
        goal={goal}
        missing={[
          ...(last ? ['This goal has one assignee: archive the goal instead.'] : []),
          ...(who === '' ? ['Choose who to remove.'] : []),
        ]}
        destructive
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel={assignee ? `Remove ${names.assignee(assignee)}` : 'Remove'}
      />
    </Flex>
  );
}
