import type { SliceDto } from '@goal-families/contract';
import { useFormat } from '@goal-families/ui';
import { Select } from '@hubspot/ui-extensions';

interface PeriodPickerProps {
  label: string;
  name: string;
  slices: readonly SliceDto[];
  value: string;
  milestone: string;
  timeZone: string;
  onChange: (sliceId: string) => void;
}

/** Chooses one period of the assignee's targets by its label. */
export function SlicePicker({
  label,
  name,
  slices,
  value,
  milestone,
  timeZone,
  onChange,
}: PeriodPickerProps) {
  const format = useFormat();
  return (
    <Select
      label={label}
      name={name}
      value={value}
      options={slices.map((slice) => ({ label: format.period(slice, milestone, timeZone), value: slice.id }))}
      onChange={(next) => onChange(String(next))}
      testId={`${name}-picker`}
    />
  );
}
