import { Flex, SearchInput, Select } from '@hubspot/ui-extensions';
import type { DirectoryView } from '../../hooks/useDirectory';
import { MILESTONE_OPTIONS } from '../../hooks/useGoalOptions';
import { type FilterForm, yearOptions } from '../../utils/familyFilter';

interface FamilyFiltersProps {
  form: FilterForm;
  directory: DirectoryView;
  goalTypes: { value: string; label: string }[];
  now: Date;
  onChange: (form: FilterForm) => void;
}

const ANY = { label: 'Any', value: '' };

/** Search and filters of the families table; each change starts again at page one. */
export function FamilyFilters({ form, directory, goalTypes, now, onChange }: FamilyFiltersProps) {
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
          label="Owner"
          name="ownerId"
          value={form.ownerId}
          options={[ANY, ...directory.owners.map((o) => ({ label: o.name, value: o.id }))]}
          onChange={set('ownerId')}
        />
        <Select
          label="Team"
          name="teamId"
          value={form.teamId}
          options={[ANY, ...directory.teams.map((t) => ({ label: t.name, value: t.id }))]}
          onChange={set('teamId')}
        />
        <Select
          label="Goal type"
          name="goalType"
          value={form.goalType}
          options={[ANY, ...goalTypes]}
          onChange={set('goalType')}
        />
        <Select
          label="Period length"
          name="milestone"
          value={form.milestone}
          options={[ANY, ...MILESTONE_OPTIONS]}
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
