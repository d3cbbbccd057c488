import { FORM_INVALID, MutationSteps, useMutationFlow } from '@goal-families/ui';
import { Flex, Input, MultiSelect, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { buildFamilyUpdate, type FamilyEditForm as Form, initialEditForm } from '../../utils/familyUpdate';
import { scheduleColumns } from '../../utils/scheduleCsv';
import type { FamilyActionProps } from './FamilyDetail';

interface FamilyEditFormProps extends FamilyActionProps {
  goalTypes: { value: string; label: string }[];
  pipelines: { value: string; label: string }[];
}

/** F3 + F6: family-defining properties on every slice, and an optional re-spread, as one plan. */
export function FamilyEditForm({
  family,
  environment,
  assigneeLabel,
  goalTypes,
  pipelines,
  onApplied,
  onCancel,
}: FamilyEditFormProps) {
  const [form, setForm] = useState<Form>(() => initialEditForm(family));
  const built = buildFamilyUpdate(form, family);
  const problems = built.ok ? {} : built.problems;
  const flow = useMutationFlow(
    (request) =>
      built.ok
        ? environment.client.call('goal_family_update', { ...built.request, ...request })
        : Promise.resolve(FORM_INVALID),
    (result) => onApplied(result.plan.summary),
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    flow.reset();
  };
  const typeOptions = goalTypes.some((t) => t.value === family.goalType)
    ? goalTypes
    : [{ value: family.goalType, label: family.goalType }, ...goalTypes];
  const pipelineOptions = [
    ...family.pipelineIds
      .filter((id) => !pipelines.some((p) => p.value === id))
      .map((id) => ({ value: id, label: id })),
    ...pipelines,
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
        options={typeOptions}
        onChange={(v) => set('goalType', String(v))}
      />
      <MultiSelect
        label="Pipelines"
        name="pipelineIds"
        value={form.pipelineIds}
        options={pipelineOptions}
        onChange={(v) => set('pipelineIds', v.map(String))}
      />
      <Toggle
        label="Also re-spread amounts"
        name="respread"
        checked={form.respread}
        onChange={(v) => set('respread', v)}
      />
      {form.respread && (
        <Flex direction="column" gap="sm">
          <Select
            label="Whose schedule"
            name="groupId"
            value={form.groupId}
            options={[
              { label: 'Every assignee', value: '' },
              ...family.groups
                .filter((g) => g.groupId)
                .map((g) => ({ label: assigneeLabel(g), value: g.groupId ?? '' })),
            ]}
            onChange={(v) => set('groupId', String(v))}
          />
          <Select
            label="From period"
            name="from"
            value={form.from}
            options={scheduleColumns(family).map((d) => ({ label: d, value: d }))}
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
            label="Total per schedule"
            name="total"
            description="Periods before the first re-spread period keep their amounts; the rest share what remains."
            value={form.total}
            error={'total' in problems}
            validationMessage={problems.total}
            onInput={(v) => set('total', v)}
            onChange={(v) => set('total', v)}
          />
          {form.mode === 'weighted' && (
            <Input
              label="Weights"
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
      {problems.form && <Text variant="microcopy">{problems.form}</Text>}
      <MutationSteps
        state={flow.state}
        goalType={family.goalType}
        currency={environment.currency}
        timeZone={family.convention.timeZone}
        canPreview={built.ok}
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={onCancel}
        applyLabel="Apply to every slice"
      />
    </Flex>
  );
}
