import { MutationSteps, useFormat, useMutationFlow, useNames } from '@goal-families/ui';
import { Alert, Flex, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { FamilyActionProps } from './FamilyDetail';

/** F7, one target: allowed, but it leaves a gap in the goal, so the warning comes first. */
export function ArchiveSlice({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const names = useNames();
  const options = family.groups.flatMap((group) =>
    (group.slices ?? []).map((slice) => ({
      value: slice.id,
      label: `${names.assignee(group.assignee)} · ${format.period(slice, family.milestone, goal.timeZone)}`,
    })),
  );
  const [targetId, setTargetId] = useState('');
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_target_archive', { uuid: family.uuid, targetId, ...request }),
    () => onApplied('1 target archived.'),
  );
  return (
    <Flex direction="column" gap="sm" testId="archive-slice">
      <Alert title="Archiving one target changes the goal" variant="warning">
        <Text>
          The goal’s totals drop by that target, and the assignee has no target for that period, which the
          health check reports. To stop counting one period, setting its target to 0 is usually better.
        </Text>
      </Alert>
      <Select
        label="Target"
        name="targetId"
        value={targetId}
        options={options}
        onChange={(v) => {
          setTargetId(String(v));
          flow.reset();
        }}
      />
      <MutationSteps
        state={flow.state}
        goal={goal}
        missing={targetId === '' ? ['Choose the target to archive.'] : []}
        previewLabel="Preview"
        applyLabel="Archive this target"
        destructive
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
      />
    </Flex>
  );
}
