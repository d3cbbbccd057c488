import { Select } from '@hubspot/ui-extensions';
import { scopeOptions } from '../utils/scope';

interface ScopePickerProps {
  value: string;
  teams: readonly { id: number; name: string }[];
  onChange: (key: string) => void;
}

/** Switches between the record owner's, the viewer's and a team's goals. */
export function ScopePicker({ value, teams, onChange }: ScopePickerProps) {
  return (
    <Select
      label="Show goals of"
      name="scope"
      value={value}
      options={scopeOptions(teams)}
      onChange={(next) => onChange(String(next))}
      testId="scope-picker"
    />
  );
}
