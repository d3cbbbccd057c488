import { MutationSteps, useMutationFlow, validateGoalName } from '@goal-families/ui';
import { Flex, Input, NumberInput } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { copyName, validateScale } from '../../utils/cloneForm';
import type { FamilyActionProps } from './FamilyDetail';

interface CloneFamilyProps extends FamilyActionProps {
  onOpen: (uuid: string) => void;
}

/** F10: a copy shifted by whole years, amounts kept or scaled, under a uuid chosen once here. */
export function CloneFamily({ family, environment, onApplied, onCancel, onOpen }: CloneFamilyProps) {
  const startYear = family.periodStart ? Number(family.periodStart.slice(0, 4)) : null;
  // One uuid for this form: a retried apply reuses it, so the copy is never made twice.
  const [newUuid] = useState(() => environment.newId());
  const [shiftYears, setShiftYears] = useState(1);
  const [scale, setScale] = useState('1');
  const [name, setName] = useState(() => copyName(family.name, startYear, 1));
  const scaleProblem = validateScale(scale);
  const nameProblem = validateGoalName(name);
  const flow = useMutationFlow(
    (request) =>
      environment.client.call('goal_family_clone', {
        uuid: family.uuid,
        newUuid,
        shiftYears,
        scale: scale.trim(),
        name: name.trim(),
        dryRun: request.dryRun,
      }),
    (result) => {
      onApplied(result.plan.summary);
      onOpen(result.uuid);
    },
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };
  return (
    <Flex direction="column" gap="sm" testId="clone-form">
      <NumberInput
        label="Years later"
        name="shiftYears"
        value={shiftYears}
        min={1}
        max={10}
        precision={0}
        onChange={(v) =>
          edit(() => {
            const years = Math.min(10, Math.max(1, Math.round(v)));
            setShiftYears(years);
            setName(copyName(family.name, startYear, years));
          })
        }
      />
      <Input
        label="Scale amounts by"
        name="scale"
        description='"1" keeps the amounts; "1.10" adds 10%. Rounded half-up to the cent.'
        value={scale}
        error={scaleProblem !== null}
        validationMessage={scaleProblem ?? undefined}
        onInput={(v) => edit(() => setScale(v))}
        onChange={(v) => edit(() => setScale(v))}
      />
      <Input
        label="Name of the copy"
        name="name"
        value={name}
        error={nameProblem !== null}
        validationMessage={nameProblem ?? undefined}
        onInput={(v) => edit(() => setName(v))}
        onChange={(v) => edit(() => setName(v))}
      />
      <MutationSteps
        state={flow.state}
        goalType={family.goalType}
        currency={environment.currency}
        timeZone={family.convention.timeZone}
        canPreview={scaleProblem === null && nameProblem === null}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Create the copy"
      />
    </Flex>
  );
}
