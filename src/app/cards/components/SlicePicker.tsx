import type { SliceDto } from '@goal-families/contract';
import { periodLabel } from '@goal-families/ui';
import { Select } from '@hubspot/ui-extensions';

interface SlicePickerProps {
  label: string;
  name: string;
  slices: readonly SliceDto[];
  value: string;
  milestone: string;
  timeZone: string;
  onChange: (sliceId: string) => void;
}

/** Chooses one period of the schedule by its label. */
export function SlicePicker({ label, name, slices, value, milestone, timeZone, onChange }: SlicePickerProps) {
  return (
    <Select
      label={label}
      name={name}
      value={value}
      options={slices.map((slice) => ({
        label: periodLabel(slice.start, milestone, timeZone, slice.end),
        value: slice.id,
      }))}
      onChange={(next) => onChange(String(next))}
      testId={`${name}-picker`}
    />
  );
}
