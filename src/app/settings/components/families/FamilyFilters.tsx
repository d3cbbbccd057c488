import { useFormat } from '@goal-families/ui';
import { Flex, SearchInput, Select } from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { type FilterForm, yearOptions } from '../../utils/familyFilter';
import { goalTypeOptions, periodLengthOptions } from '../../utils/options';

interface FamilyFiltersProps {
  form: FilterForm;
  environment: PageEnvironment;
  now: Date;
  onChange: (form: FilterForm) => void;
}

const ANY = { label: 'Any', value: '' };

/** Search and filters of the goals table; each change starts again at page one. */
export function FamilyFilters({ form, environment, now, onChange }: FamilyFiltersProps) {
  const format = useFormat();
  const { directory, options } = environment;
  const set = (key: keyof FilterForm) => (value: string | number | boolean) =>
    onChange({ ...form, [key]: String(value) });
  return (
    <Flex direction="column" gap="sm">
      <SearchInput
        label="Search by name"
        name="text"
        value={form.text}
        onChange={set('text')}
        clearable
        testId="filter-text"
      />
      <Flex gap="sm" wrap>
        <Select
          label="Person"
          name="ownerId"
          value={form.ownerId}
          options={[ANY, ...directory.owners.map((o) => ({ label: o.name, value: o.id }))]}
          onChange={set('ownerId')}
          testId="filter-owner"
        />
        <Select
          label="Team"
          name="teamId"
          value={form.teamId}
          options={[ANY, ...directory.teams.map((t) => ({ label: t.name, value: t.id }))]}
          onChange={set('teamId')}
          testId="filter-team"
        />
        <Select
          label="Goal type"
          name="goalType"
          value={form.goalType}
          options={[ANY, ...goalTypeOptions(options, format)]}
          onChange={set('goalType')}
          testId="filter-goal-type"
        />
        <Select
          label="Period length"
          name="milestone"
          value={form.milestone}
          options={[ANY, ...periodLengthOptions(format)]}
          onChange={set('milestone')}
        />
        <Select
          label="Year"
          name="year"
          value={form.year}
          options={[ANY, ...yearOptions(now)]}
          onChange={set('year')}
        />
        <Select
          label="Health"
          name="health"
          value={form.health}
          options={[ANY, { label: 'Healthy', value: 'healthy' }, { label: 'Needs repair', value: 'broken' }]}
          onChange={set('health')}
        />
      </Flex>
    </Flex>
  );
}
