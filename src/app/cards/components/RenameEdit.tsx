import { MutationSteps, useMutationFlow, validateGoalName } from '@goal-families/ui';
import { Flex, Input } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { EditFormProps } from './FamilyEditor';

/** F3: a new name on every slice of the family, through `goal_family_update`. */
export function RenameEdit({ family, environment, onApplied, onCancel }: EditFormProps) {
  const { client, settings, timeZone } = environment;
  const [name, setName] = useState(family.name);
  const problem = validateGoalName(name, family.name);

  const flow = useMutationFlow(
    (request) =>
      client.call('goal_family_update', { uuid: family.uuid, changes: { name: name.trim() }, ...request }),
    (result) => onApplied(result.plan),
  );
  const edit = (value: string) => {
    setName(value);
    flow.reset();
  };

  return (
    <Flex direction="column" gap="sm">
      <Input
        label="New name"
        name="goal-name"
        value={name}
        error={problem !== null && name !== family.name}
        validationMessage={name !== family.name ? (problem ?? undefined) : undefined}
        onInput={edit}
        onChange={edit}
        testId="name-input"
      />
      <MutationSteps
        state={flow.state}
        goalType={family.goalType}
        currency={settings.defaults.currency}
        timeZone={timeZone}
        canPreview={problem === null}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel={`Rename all ${family.sliceCount} slices`}
      />
    </Flex>
  );
}
