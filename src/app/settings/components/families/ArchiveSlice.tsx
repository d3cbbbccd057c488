import { MutationSteps, periodLabel, useMutationFlow } from '@goal-families/ui';
import { Alert, Flex, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { FamilyActionProps } from './FamilyDetail';

/** F7, one slice: allowed, but it leaves a hole in the schedule, so the warning comes first. */
export function ArchiveSlice({ family, environment, assigneeLabel, onApplied, onCancel }: FamilyActionProps) {
  const timeZone = family.convention.timeZone;
  const options = family.groups.flatMap((group) =>
    (group.slices ?? []).map((slice) => ({
      value: slice.id,
      label: `${assigneeLabel(group)} · ${periodLabel(slice.start, family.milestone, timeZone, slice.end)}`,
    })),
  );
  const [targetId, setTargetId] = useState('');
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_target_archive', { uuid: family.uuid, targetId, ...request }),
    (result) => onApplied(result.plan.summary),
  );
  return (
    <Flex direction="column" gap="sm" testId="archive-slice">
      <Alert title="Archiving one slice changes the goal" variant="warning">
        <Text>
          The goal's totals drop by that slice's target and its schedule gets a gap, which the health check
          will report. To stop counting one period, setting its amount to 0 is usually better.
        </Text>
      </Alert>
      <Select
        label="Slice"
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
        goalType={family.goalType}
        currency={environment.currency}
        timeZone={timeZone}
        canPreview={targetId !== ''}
        previewLabel="Preview"
        applyLabel="Archive this slice"
        destructive
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
      />
    </Flex>
  );
}
