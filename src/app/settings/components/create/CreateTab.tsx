import { FORM_INVALID, MutationSteps, useMutationFlow } from '@goal-families/ui';
import { Alert, Flex, Heading, Input, MultiSelect, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useDirectory } from '../../hooks/useDirectory';
import { MILESTONE_OPTIONS, useGoalOptions } from '../../hooks/useGoalOptions';
import type { PageEnvironment } from '../../types/page';
import {
  buildCreateRequest,
  type CreateForm,
  initialCreateForm,
  type MilestoneValue,
  PERIODS_PER_YEAR,
  partialYearOptions,
} from '../../utils/createForm';
import { yearOptions } from '../../utils/familyFilter';
import { AmountGrid } from './AmountGrid';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** F5: a new family for many owners and teams, every slice previewed before anything is created. */
export function CreateTab({
  environment,
  onCreated,
}: {
  environment: PageEnvironment;
  onCreated: () => void;
}) {
  const { client, settings } = environment;
  const directory = useDirectory(client);
  const options = useGoalOptions(client);
  const [form, setForm] = useState<CreateForm>(() => initialCreateForm(settings, environment.now()));
  // Chosen once per new goal: a retried create reuses it, so slices are never created twice.
  const [uuid, setUuid] = useState(() => environment.newId());
  const built = buildCreateRequest(form, uuid);
  const problems = built.ok ? {} : built.problems;
  const flow = useMutationFlow(
    (request) =>
      built.ok
        ? client.call('goal_family_create', { ...built.request, dryRun: request.dryRun })
        : Promise.resolve(FORM_INVALID),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `${form.name.trim()} created`,
        message: result.plan.summary,
      });
      setForm(initialCreateForm(settings, environment.now()));
      setUuid(environment.newId());
      onCreated();
    },
  );
  const set = <K extends keyof CreateForm>(key: K, value: CreateForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    flow.reset();
  };
  // Show a field's problem only once the field has been filled in, or after a preview attempt.
  const shown = (field: keyof CreateForm | string, value: unknown) =>
    value !== '' && !(Array.isArray(value) && value.length === 0) ? problems[field] : undefined;

  return (
    <Flex direction="column" gap="md" testId="create-tab">
      <Heading>New goal</Heading>
      {options.fallback && (
        <Alert title="Goal types could not be read from HubSpot" variant="warning">
          <Text>Only the documented type "sales_quota" is offered.</Text>
        </Alert>
      )}
      <Input
        label="Name"
        name="name"
        required
        value={form.name}
        validationMessage={shown('name', form.name)}
        error={!!shown('name', form.name)}
        onInput={(v) => set('name', v)}
        onChange={(v) => set('name', v)}
      />
      <Flex gap="sm" wrap>
        <Select
          label="Goal type"
          name="goalType"
          value={form.goalType}
          options={options.goalTypes}
          onChange={(v) => set('goalType', String(v))}
        />
        <Select
          label="Period length"
          name="milestone"
          value={form.milestone}
          options={MILESTONE_OPTIONS}
          onChange={(v) => {
            const milestone = String(v) as MilestoneValue;
            setForm((f) => ({ ...f, milestone, partialFrom: '' }));
            flow.reset();
          }}
        />
        <Select
          label="Year"
          name="year"
          value={form.year}
          options={yearOptions(environment.now())}
          onChange={(v) => set('year', String(v))}
        />
        <Select
          label="First month (fiscal year start)"
          name="startMonth"
          value={form.startMonth}
          options={MONTHS.map((m, i) => ({ label: m, value: String(i + 1) }))}
          onChange={(v) => set('startMonth', String(v))}
        />
        <Select
          label="Length"
          name="years"
          value={form.years}
          description={`Whole years: HubSpot needs ${PERIODS_PER_YEAR[form.milestone]} ${form.milestone === 'weekly' ? 'weeks' : 'periods'} a year.`}
          options={[1, 2, 3, 4, 5].map((n) => ({
            label: n === 1 ? '1 year' : `${n} years`,
            value: String(n),
          }))}
          onChange={(v) => set('years', String(v))}
        />
        <Select
          label="Targets"
          name="partialFrom"
          value={form.partialFrom}
          description="For part of a year, the periods before it get a target of 0."
          options={partialYearOptions(form)}
          onChange={(v) => set('partialFrom', String(v))}
        />
        <Input
          label="Time zone"
          name="timeZone"
          value={form.timeZone}
          error={!!problems.timeZone}
          validationMessage={problems.timeZone}
          onInput={(v) => set('timeZone', v)}
          onChange={(v) => set('timeZone', v)}
        />
      </Flex>
      <MultiSelect
        label="Owners"
        name="ownerIds"
        value={form.ownerIds}
        options={directory.owners.map((o) => ({
          label: o.email ? `${o.name} (${o.email})` : o.name,
          value: o.id,
        }))}
        onChange={(v) => set('ownerIds', v.map(String))}
        description={directory.status === 'error' ? 'The owners could not be loaded.' : undefined}
      />
      <MultiSelect
        label="Teams"
        name="teamIds"
        value={form.teamIds}
        options={directory.teams.map((t) => ({ label: t.name, value: t.id }))}
        onChange={(v) => set('teamIds', v.map(String))}
        validationMessage={form.ownerIds.length + form.teamIds.length > 0 ? problems.assignees : undefined}
        error={form.ownerIds.length + form.teamIds.length > 0 && !!problems.assignees}
      />
      <Select
        label="Amounts"
        name="spreadMode"
        value={form.spreadMode}
        options={[
          { label: 'A total, spread evenly', value: 'even' },
          { label: 'A total, spread by weights (seasonality)', value: 'weighted' },
          { label: 'An amount for each period', value: 'explicit' },
        ]}
        onChange={(v) => set('spreadMode', String(v) as CreateForm['spreadMode'])}
      />
      {form.spreadMode !== 'explicit' && (
        <Input
          label="Total per assignee"
          name="total"
          value={form.total}
          error={!!shown('total', form.total)}
          validationMessage={shown('total', form.total)}
          onInput={(v) => set('total', v)}
          onChange={(v) => set('total', v)}
        />
      )}
      {form.spreadMode === 'weighted' && (
        <Input
          label="Weights, one per period"
          name="weights"
          placeholder="1,1,1,2"
          value={form.weights}
          error={!!shown('weights', form.weights)}
          validationMessage={shown('weights', form.weights)}
          onInput={(v) => set('weights', v)}
          onChange={(v) => set('weights', v)}
        />
      )}
      {form.spreadMode === 'explicit' && (
        <AmountGrid
          form={form}
          problems={problems}
          currency={environment.currency}
          onChange={(amounts) => set('amounts', amounts)}
        />
      )}
      <MultiSelect
        label="Pipelines (none = all)"
        name="pipelineIds"
        value={form.pipelineIds}
        options={options.pipelines}
        onChange={(v) => set('pipelineIds', v.map(String))}
      />
      <MutationSteps
        state={flow.state}
        goalType={form.goalType}
        currency={environment.currency}
        timeZone={form.timeZone}
        canPreview={built.ok}
        previewLabel="Preview every slice"
        applyLabel="Create the goal"
        onPreview={flow.preview}
        onApply={flow.apply}
        onCancel={() => {
          setForm(initialCreateForm(settings, environment.now()));
          flow.reset();
        }}
      />
    </Flex>
  );
}
