import {
  AmountCheck,
  amountSanity,
  FORM_INVALID,
  isoDateIn,
  MutationSteps,
  needsConfirmation,
  peopleAndTeams,
  useFormat,
  useMutationFlow,
  useNames,
} from '@goal-families/ui';
import { Flex, Input, MultiSelect, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { buildFamilyUpdate, type FamilyEditForm as Form, initialEditForm } from '../../utils/familyUpdate';
import { goalTypeOptions, pipelineOptions } from '../../utils/options';
import { scheduleColumns } from '../../utils/scheduleCsv';
import type { FamilyActionProps } from './FamilyDetail';

/** F3 + F6: goal-defining values on every target, and an optional new spread, as one change. */
export function FamilyEditForm({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const names = useNames();
  const [form, setForm] = useState<Form>(() => initialEditForm(family));
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [notify, setNotify] = useState(false);
  const built = buildFamilyUpdate(form, family, format.locale);
  const problems = built.ok ? {} : built.problems;
  const flow = useMutationFlow(
    (request) =>
      built.ok
        ? environment.client.call('goal_family_update', { ...built.request, notify, ...request })
        : Promise.resolve(FORM_INVALID),
    (result) => onApplied(`${format.count(result.plan.updates.length, 'target')} changed.`),
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    flow.reset();
  };
  const group = family.groups.find((g) => g.groupId === form.groupId) ?? null;
  const total = built.ok ? built.request.respread?.spread.total : undefined;
  const currentTotal = form.respread ? (group?.totalTarget ?? null) : null;
  const sanity = total !== undefined ? amountSanity(total, currentTotal) : { kind: 'ok' as const };
  const confirmed = total !== undefined && confirmedFor === total;
  const everyone = peopleAndTeams(
    family.groups.map((g) => g.assignee),
    format,
  );
  const renames = form.name.trim() !== family.name;
  const retypes = form.goalType !== family.goalType;
  const scope = [
    ...(renames ? [`renames the goal to “${form.name.trim()}”`] : []),
    ...(retypes ? [`makes it a ${format.goalType(form.goalType)} goal`] : []),
    ...(built.ok && built.request.changes.pipelineIds ? ['changes the pipelines it counts'] : []),
  ];
  const missing = [
    ...Object.values(problems),
    ...(needsConfirmation(sanity) && !confirmed ? ['Confirm the unusual total.'] : []),
  ];

  return (
    <Flex direction="column" gap="sm" testId="family-edit">
      <Input
        label="Name"
        name="name"
        value={form.name}
        error={'name' in problems}
        validationMessage={problems.name}
        onInput={(v) => set('name', v)}
        onChange={(v) => set('name', v)}
      />
      <Select
        label="Goal type"
        name="goalType"
        value={form.goalType}
        options={goalTypeOptions(environment.options, format, family.goalType)}
        onChange={(v) => set('goalType', String(v))}
      />
      <MultiSelect
        label="Pipelines (none: all pipelines)"
        name="pipelineIds"
        value={form.pipelineIds}
        options={pipelineOptions(environment.options, family.pipelineIds)}
        onChange={(v) => set('pipelineIds', v.map(String))}
      />
      {scope.length > 0 && (
        <Text variant="microcopy" testId="change-scope">
          {`This ${scope.join(' and ')} for ${everyone} (${format.count(family.sliceCount, 'target')}).`}
        </Text>
      )}
      <Toggle
        label="Also spread new totals"
        name="respread"
        checked={form.respread}
        onChange={(v) => set('respread', v)}
      />
      {form.respread && (
        <Flex direction="column" gap="sm">
          <Select
            label="Whose targets"
            name="groupId"
            value={form.groupId}
            options={[
              { label: `Every assignee (${everyone})`, value: '' },
              ...family.groups
                .filter((g) => g.groupId)
                .map((g) => ({ label: names.assignee(g.assignee), value: g.groupId ?? '' })),
            ]}
            onChange={(v) => set('groupId', String(v))}
          />
          <Select
            label="From period"
            name="from"
            value={form.from}
            options={scheduleColumns(family).map((d) => ({
              label: format.period({ start: firstStartOn(family, d) }, family.milestone, goal.timeZone),
              value: d,
            }))}
            onChange={(v) => set('from', String(v))}
          />
          <Select
            label="Spread"
            name="mode"
            value={form.mode}
            options={[
              { label: 'Evenly', value: 'even' },
              { label: 'By weights (seasonality)', value: 'weighted' },
            ]}
            onChange={(v) => set('mode', v === 'weighted' ? 'weighted' : 'even')}
          />
          <Input
            label={
              form.groupId === '' ? 'Total per assignee' : `Total for ${names.assignee(group?.assignee)}`
            }
            name="total"
            description={`Periods before the first one you change keep their amounts; the rest share what remains. Type it like ${format.amountExample}.`}
            value={form.total}
            error={'total' in problems}
            validationMessage={problems.total}
            onInput={(v) => set('total', v)}
            onChange={(v) => set('total', v)}
          />
          {total !== undefined && (
            <AmountCheck
              sanity={sanity}
              next={format.amount(total, goal)}
              current={currentTotal === null ? null : format.amount(currentTotal, goal)}
              confirmed={confirmed}
              locale={format.locale}
              onConfirm={(yes) => {
                setConfirmedFor(yes ? total : null);
                flow.reset();
              }}
            />
          )}
          {form.mode === 'weighted' && (
            <Input
              label="Weights, one per period"
              name="weights"
              placeholder="1,1,2,2"
              value={form.weights}
              error={'weights' in problems}
              validationMessage={problems.weights}
              onInput={(v) => set('weights', v)}
              onChange={(v) => set('weights', v)}
            />
          )}
        </Flex>
      )}
      <MutationSteps
        state={flow.state}
        goal={goal}
        missing={missing}
        notify={{
          checked: notify,
          onChange: (v) => {
            setNotify(v);
            flow.reset();
          },
        }}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Apply to every target"
      />
    </Flex>
  );
}

/** The first instant of the period column `date` (a YYYY-MM-DD in the goal's zone). */
function firstStartOn(family: FamilyActionProps['family'], date: string): string | null {
  for (const group of family.groups)
    for (const slice of group.slices ?? [])
      if (slice.start && isoDateIn(slice.start, family.convention.timeZone) === date) return slice.start;
  return null;
}
