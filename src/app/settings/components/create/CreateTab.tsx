import {
  FORM_INVALID,
  MutationSteps,
  monthOptions,
  readOnlyText,
  timeZoneOptions,
  useFormat,
  useMutationFlow,
  useNames,
  useRemoteResult,
} from '@goal-families/ui';
import { Alert, Flex, Heading, Input, MultiSelect, Select, Text } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
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
import { goalTypeOptions, periodLengthOptions, pipelineOptions } from '../../utils/options';
import { AmountGrid } from './AmountGrid';

/** Problems in the order the form shows its fields, for the preview's "to preview, first" list. */
const FIELD_ORDER = ['name', 'goalType', 'year', 'years', 'timeZone', 'assignees', 'total', 'weights'];

function orderedProblems(problems: Record<string, string>): string[] {
  const known = FIELD_ORDER.flatMap((field) => (problems[field] ? [problems[field] as string] : []));
  const grid = Object.entries(problems)
    .filter(([field]) => field.startsWith('grid:'))
    .map(([, message]) => message);
  // One line for every grid row with a problem: the rows say which.
  return [...known, ...(grid.length > 0 ? ['Fill in every target of the table (rows in red).'] : [])];
}

/** Goals of the portal with exactly this name: a second one would show in HubSpot as the same name twice. */
function useSameName(environment: PageEnvironment, name: string) {
  const trimmed = name.trim();
  const { state } = useRemoteResult(
    trimmed.length >= 3
      ? () => environment.client.call('goal_families_list', { filter: { text: trimmed }, limit: 10 })
      : null,
    `same-name:${trimmed.toLowerCase()}`,
  );
  if (state.status !== 'success') return [];
  return state.data.families.filter((f) => f.name.trim().toLowerCase() === trimmed.toLowerCase());
}

/** F5: a new goal for many people and teams, every target previewed before anything is created. */
export function CreateTab({
  environment,
  onCreated,
}: {
  environment: PageEnvironment;
  onCreated: (uuid: string) => void;
}) {
  const format = useFormat();
  const names = useNames();
  const { client, settings, directory, options } = environment;
  const [form, setForm] = useState<CreateForm>(() => initialCreateForm(settings, environment.now()));
  // The name is checked for duplicates when the field is left, not on every keystroke.
  const [committedName, setCommittedName] = useState('');
  // Chosen once per new goal: a retried create reuses it, so targets are never created twice.
  const [uuid, setUuid] = useState(() => environment.newId());
  const built = buildCreateRequest(form, uuid, format.locale);
  const problems = built.ok ? {} : built.problems;
  const sameName = useSameName(environment, committedName);
  const zones = useMemo(
    () => timeZoneOptions(environment.now(), form.timeZone),
    [environment, form.timeZone],
  );
  const goal = { goalType: form.goalType };
  const flow = useMutationFlow(
    (request) =>
      built.ok
        ? client.call('goal_family_create', { ...built.request, dryRun: request.dryRun })
        : Promise.resolve(FORM_INVALID),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `${form.name.trim()} created`,
        message: `${format.count(result.plan.creates.length, 'target')} created. The new goal is open.`,
      });
      setForm(initialCreateForm(settings, environment.now()));
      setUuid(environment.newId());
      onCreated(result.uuid);
    },
  );
  const set = <K extends keyof CreateForm>(key: K, value: CreateForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    flow.reset();
  };
  // A field's problem shows next to it once the field has been filled in.
  const shown = (field: string, value: unknown) =>
    value !== '' && !(Array.isArray(value) && value.length === 0) ? problems[field] : undefined;

  if (!environment.canEdit) {
    return (
      <Flex direction="column" gap="md" testId="create-tab">
        <Heading>New goal</Heading>
        <Text testId="create-read-only">{readOnlyText(settings.editors, names)}</Text>
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="md" testId="create-tab">
      <Heading>New goal</Heading>
      {options.status === 'error' && (
        <Alert title="HubSpot’s goal types could not be read" variant="warning">
          <Text>Only the revenue goal type is offered. Reload the page to try again.</Text>
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
        onChange={(v) => {
          set('name', v);
          setCommittedName(v);
        }}
        testId="create-name"
      />
      {sameName.length > 0 && (
        <Alert title="A goal with this name exists" variant="warning" testId="create-duplicate-name">
          <Text>
            {`${format.count(sameName.length, 'goal')} called “${form.name.trim()}” already ${sameName.length === 1 ? 'exists' : 'exist'} (${sameName
              .map(
                (f) =>
                  `${format.goalType(f.goalType)}, ${format.span(f.periodStart, f.periodEnd, environment.timeZone)}`,
              )
              .join(
                '; ',
              )}). HubSpot lists goals by name, so two with one name are hard to tell apart: consider another name, or add assignees to the existing goal.`}
          </Text>
        </Alert>
      )}
      <Flex gap="sm" wrap>
        <Select
          label="Goal type"
          name="goalType"
          value={form.goalType}
          options={goalTypeOptions(options, format)}
          onChange={(v) => set('goalType', String(v))}
        />
        <Select
          label="Period length"
          name="milestone"
          value={form.milestone}
          options={periodLengthOptions(format)}
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
          options={monthOptions(format.locale)}
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
          label="Targets from"
          name="partialFrom"
          value={form.partialFrom}
          description="For part of a year, the periods before it get a target of 0."
          options={partialYearOptions(form, format)}
          onChange={(v) => set('partialFrom', String(v))}
        />
        <Select
          label="Time zone"
          name="timeZone"
          value={form.timeZone}
          options={zones}
          description="Periods start at midnight in this zone."
          onChange={(v) => set('timeZone', String(v))}
          testId="create-time-zone"
        />
      </Flex>
      <MultiSelect
        label="People"
        name="ownerIds"
        value={form.ownerIds}
        options={directory.owners.map((o) => ({
          label: o.email ? `${o.name} (${o.email})` : o.name,
          value: o.id,
        }))}
        onChange={(v) => set('ownerIds', v.map(String))}
        description={
          directory.status === 'error' ? 'The people could not be loaded. Reload the page.' : undefined
        }
        testId="create-owners"
      />
      <MultiSelect
        label="Teams"
        name="teamIds"
        value={form.teamIds}
        options={directory.teams.map((t) => ({ label: t.name, value: t.id }))}
        onChange={(v) => set('teamIds', v.map(String))}
        validationMessage={form.ownerIds.length + form.teamIds.length > 0 ? problems.assignees : undefined}
        error={form.ownerIds.length + form.teamIds.length > 0 && !!problems.assignees}
        testId="create-teams"
      />
      <Select
        label="Targets"
        name="spreadMode"
        value={form.spreadMode}
        options={[
          { label: 'One total per assignee, spread evenly', value: 'even' },
          { label: 'One total per assignee, spread by weights (seasonality)', value: 'weighted' },
          { label: 'A target for each assignee and period', value: 'grid' },
        ]}
        onChange={(v) => set('spreadMode', String(v) as CreateForm['spreadMode'])}
        testId="create-spread-mode"
      />
      {form.spreadMode !== 'grid' && (
        <Input
          label={`Total per assignee (${environment.currency})`}
          name="total"
          description={`Type it like ${format.amountExample}. Amounts are in ${environment.currency}, the currency set in the Settings tab.`}
          value={form.total}
          error={!!shown('total', form.total)}
          validationMessage={shown('total', form.total)}
          onInput={(v) => set('total', v)}
          onChange={(v) => set('total', v)}
          testId="create-total"
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
      {form.spreadMode === 'grid' && (
        <AmountGrid form={form} problems={problems} goal={goal} onChange={(grid) => set('grid', grid)} />
      )}
      <MultiSelect
        label="Pipelines (none: all pipelines)"
        name="pipelineIds"
        value={form.pipelineIds}
        options={pipelineOptions(options)}
        onChange={(v) => set('pipelineIds', v.map(String))}
      />
      <MutationSteps
        state={flow.state}
        goal={{
          name: form.name.trim(),
          goalType: form.goalType,
          milestone: form.milestone,
          timeZone: form.timeZone,
        }}
        missing={orderedProblems(problems)}
        previewLabel="Preview every target"
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
