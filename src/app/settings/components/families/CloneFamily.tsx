import { MutationSteps, separatorsOf, useFormat, useMutationFlow, validateGoalName } from '@goal-families/ui';
import { Flex, Input, NumberInput, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { copyName, MAX_SHIFT_YEARS, parseScale, validateYears } from '../../utils/cloneForm';
import type { FamilyActionProps } from './FamilyDetail';

interface CloneFamilyProps extends FamilyActionProps {
  onOpen: (uuid: string) => void;
}

/** F10: a copy moved by whole years, amounts kept or scaled, under an id chosen once here. */
export function CloneFamily({ family, environment, goal, onApplied, onCancel, onOpen }: CloneFamilyProps) {
  const format = useFormat();
  const startYear = family.periodStart ? Number(family.periodStart.slice(0, 4)) : null;
  // One id for this form: a retried apply reuses it, so the copy is never made twice.
  const [newUuid] = useState(() => environment.newId());
  const [shiftYears, setShiftYears] = useState(1);
  const [scaleText, setScaleText] = useState('1');
  const [name, setName] = useState(() => copyName(family.name, startYear, 1));
  const scale = parseScale(scaleText, format.locale);
  const yearsProblem = validateYears(shiftYears);
  const nameProblem = validateGoalName(name);
  const flow = useMutationFlow(
    (request) =>
      environment.client.call('goal_family_clone', {
        uuid: family.uuid,
        newUuid,
        shiftYears,
        scale: scale.ok ? scale.value : '1',
        name: name.trim(),
        dryRun: request.dryRun,
      }),
    (result) => {
      onApplied(`The copy “${name.trim()}” has ${format.count(result.plan.creates.length, 'target')}.`);
      onOpen(result.uuid);
    },
  );
  const edit = (apply: () => void) => {
    apply();
    flow.reset();
  };
  const missing = [
    ...(yearsProblem ? [yearsProblem] : []),
    ...(scale.ok ? [] : [scale.message]),
    ...(nameProblem ? [nameProblem] : []),
  ];
  const shifted = (iso: string | null) =>
    iso === null
      ? null
      : new Date(
          Date.UTC(Number(iso.slice(0, 4)) + shiftYears, Number(iso.slice(5, 7)) - 1, 15),
        ).toISOString();
  return (
    <Flex direction="column" gap="sm" testId="clone-form">
      <NumberInput
        label="Years later"
        name="shiftYears"
        value={shiftYears}
        min={1}
        max={MAX_SHIFT_YEARS}
        precision={0}
        error={yearsProblem !== null}
        validationMessage={yearsProblem ?? undefined}
        onChange={(v) =>
          edit(() => {
            setShiftYears(v);
            if (validateYears(v) === null) setName(copyName(family.name, startYear, v));
          })
        }
      />
      <Input
        label="Scale amounts by"
        name="scale"
        description={`“1” keeps the amounts; “1${separatorsOf(format.locale).decimal}1” adds 10%. Rounded to the cent.`}
        value={scaleText}
        error={!scale.ok}
        validationMessage={scale.ok ? undefined : scale.message}
        onInput={(v) => edit(() => setScaleText(v))}
        onChange={(v) => edit(() => setScaleText(v))}
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
      {yearsProblem === null && (
        <Text variant="microcopy" testId="change-scope">
          {`The copy covers ${format.span(shifted(family.periodStart), shifted(family.periodEnd), goal.timeZone)} with ${format.count(family.sliceCount, 'target')}; this goal stays as it is.`}
        </Text>
      )}
      <MutationSteps
        state={flow.state}
        goal={{ ...goal, name: name.trim() }}
        missing={missing}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Create the copy"
      />
    </Flex>
  );
}
