import {
  MutationSteps,
  peopleAndTeams,
  useFormat,
  useMutationFlow,
  validateGoalName,
} from '@goal-families/ui';
import { Flex, Input, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { EditFormProps } from './FamilyEditor';

/** F3: a new name on every target of the goal, through `goal_family_update`. */
export function RenameEdit({ family, goal, environment, onApplied, onCancel }: EditFormProps) {
  const format = useFormat();
  const { client } = environment;
  const [name, setName] = useState(family.name);
  const [notify, setNotify] = useState(false);
  const problem = validateGoalName(name, family.name);

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_family_update', {
        uuid: family.uuid,
        changes: { name: name.trim() },
        notify,
        ...request,
      }),
    (result) => onApplied(result.plan),
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };
  const people = peopleAndTeams(
    family.groups.map((g) => g.assignee),
    format,
  );

  return (
    <Flex direction="column" gap="sm">
      <Input
        label="New name"
        name="goal-name"
        value={name}
        error={problem !== null && name !== family.name}
        validationMessage={name !== family.name ? (problem ?? undefined) : undefined}
        onInput={(v) => edit(() => setName(v))}
        onChange={(v) => edit(() => setName(v))}
        testId="name-input"
      />
      <Text variant="microcopy" testId="change-scope">
        {`This renames the goal for ${people} (${format.count(family.sliceCount, 'target')}), not only for this record’s owner.`}
      </Text>
      <MutationSteps
        state={flow.state}
        goal={goal}
        missing={
          problem === null ? [] : [problem === 'That is the current name.' ? 'Type a new name.' : problem]
        }
        notify={{ checked: notify, onChange: (v) => edit(() => setNotify(v)) }}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel={`Rename for ${people}`}
      />
    </Flex>
  );
}
