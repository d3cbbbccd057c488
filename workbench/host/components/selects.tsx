/** Choice inputs: Select, MultiSelect, Checkbox, RadioButton, ToggleGroup, Toggle. They commit on change. */
import type {
  CheckboxProps,
  MultiSelectProps,
  RadioButtonProps,
  SelectProps,
  ToggleGroupProps,
  ToggleProps,
} from '@hubspot/ui-extensions';
import { useEffect, useRef, useState } from 'react';
import { FieldFrame, nextFieldId } from './field';
import { cx, hostAttrs, invoke, useLatest } from './util';

type OptionValue = string | number | boolean;
const key = (v: OptionValue | undefined) => (v === undefined ? '' : `${typeof v}:${String(v)}`);

/** Uncontrolled when `value` is absent, following `value` when present. */
function useFollowed<T>(value: T | undefined, initial: T): [T, (v: T) => void] {
  const [current, setCurrent] = useState<T>(value ?? initial);
  const k = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the serialised value on purpose
  useEffect(() => {
    if (value !== undefined) setCurrent(value);
  }, [k]);
  return [current, setCurrent];
}

export function Select(props: SelectProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const latest = useLatest(props);
  const [current, setCurrent] = useFollowed<OptionValue | undefined>(props.value, undefined);
  const options = props.options ?? [];
  const selected = options.findIndex((o) => key(o.value) === key(current));
  return (
    <FieldFrame {...props} name="Select" id={id}>
      <select
        id={id}
        name={props.name}
        className={cx('hs-input', 'hs-select', props.variant === 'transparent' && 'transparent')}
        disabled={props.readOnly}
        value={selected >= 0 ? String(selected) : ''}
        onChange={(e) => {
          const option = options[Number(e.target.value)];
          if (!option) return;
          setCurrent(option.value);
          void invoke(latest.current.onChange, option.value);
        }}
      >
        {selected < 0 && (
          <option value="" disabled>
            {props.placeholder ?? 'Select an option'}
          </option>
        )}
        {options.map((o, i) => (
          <option key={key(o.value)} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Chosen values as removable chips plus an "add" picker: compact, and plain to drive from tests. */
export function MultiSelect(props: MultiSelectProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const latest = useLatest(props);
  const [current, setCurrent] = useFollowed<OptionValue[]>(props.value, []);
  const options = props.options ?? [];
  const chosen = new Set(current.map(key));
  const update = (next: OptionValue[]) => {
    setCurrent(next);
    void invoke(latest.current.onChange, next);
  };
  return (
    <FieldFrame {...props} name="MultiSelect" id={id}>
      <div className="hs-multiselect">
        {options
          .filter((o) => chosen.has(key(o.value)))
          .map((o) => (
            <span key={key(o.value)} className="hs-tag v-default chip">
              {o.label}
              {!props.readOnly && (
                <button
                  type="button"
                  aria-label={`Remove ${o.label}`}
                  onClick={() => update(current.filter((v) => key(v) !== key(o.value)))}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        {!props.readOnly && (
          <select
            id={id}
            name={props.name}
            className="hs-input hs-select add"
            value=""
            aria-label={props.label ? `Add to ${props.label}` : 'Add'}
            onChange={(e) => {
              const option = options[Number(e.target.value)];
              if (option) update([...current, option.value]);
            }}
          >
            <option value="">{props.placeholder ?? 'Add…'}</option>
            {options.map((o, i) =>
              chosen.has(key(o.value)) ? null : (
                <option key={key(o.value)} value={String(i)}>
                  {o.label}
                </option>
              ),
            )}
          </select>
        )}
      </div>
    </FieldFrame>
  );
}

function ToggleInput(props: CheckboxProps & { kind: 'checkbox' | 'radio'; hsName: string }) {
  const latest = useLatest(props);
  const [checked, setChecked] = useFollowed<boolean>(props.checked, props.initialIsChecked ?? false);
  const readOnly = props.readOnly ?? props.readonly;
  return (
    <label {...hostAttrs(props.hsName, props)} className={cx('hs-check', props.inline && 'inline')}>
      <input
        type={props.kind}
        name={props.name}
        value={props.value}
        checked={checked}
        disabled={readOnly}
        aria-label={props['aria-label']}
        onChange={(e) => {
          setChecked(e.target.checked);
          void invoke(latest.current.onChange, e.target.checked, props.value ?? '');
        }}
      />
      <span>
        {props.children}
        {props.description && <span className="hs-description">{props.description}</span>}
      </span>
    </label>
  );
}

export const Checkbox = (props: CheckboxProps) => (
  <ToggleInput {...props} kind="checkbox" hsName="Checkbox" />
);
export const RadioButton = (props: RadioButtonProps) => (
  <ToggleInput {...props} kind="radio" hsName="RadioButton" />
);

export function ToggleGroup(props: ToggleGroupProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const latest = useLatest(props);
  const radio = props.toggleType === 'radioButtonList';
  const initial = props.options.filter((o) => o.initialIsChecked).map((o) => o.value);
  const [current, setCurrent] = useFollowed<string[] | string>(
    props.value,
    radio ? (initial[0] ?? '') : initial,
  );
  const isChecked = (v: string) => (Array.isArray(current) ? current.includes(v) : current === v);
  const toggle = (v: string, on: boolean) => {
    let next: string[] | string;
    if (radio) next = v;
    else {
      const list = Array.isArray(current) ? current : [];
      next = on ? [...list, v] : list.filter((x) => x !== v);
    }
    setCurrent(next);
    void invoke(latest.current.onChange, next);
  };
  return (
    <FieldFrame {...props} name="ToggleGroup" id={id}>
      <div role={radio ? 'radiogroup' : 'group'} className={cx('hs-toggle-group', props.inline && 'inline')}>
        {props.options.map((o) => (
          <label key={o.value} className="hs-check">
            <input
              type={radio ? 'radio' : 'checkbox'}
              name={props.name}
              value={o.value}
              checked={isChecked(o.value)}
              disabled={o.readOnly ?? o.readonly}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>
              {o.label}
              {o.description && <span className="hs-description">{o.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </FieldFrame>
  );
}

export function Toggle(props: ToggleProps) {
  const latest = useLatest(props);
  const [checked, setChecked] = useFollowed<boolean>(props.checked, props.initialIsChecked ?? false);
  const readOnly = props.readOnly ?? props.readonly;
  const display = props.labelDisplay ?? 'inline';
  return (
    <label {...hostAttrs('Toggle', props)} className={cx('hs-toggle', `label-${display}`)}>
      {display !== 'hidden' && <span className="hs-toggle-label">{props.label}</span>}
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={props.label}
        disabled={readOnly}
        className={cx('switch', checked && 'on')}
        onClick={() => {
          setChecked(!checked);
          void invoke(latest.current.onChange, !checked);
        }}
      >
        <span className="knob" />
      </button>
      {(props.textChecked || props.textUnchecked) && (
        <span className="hs-description">{checked ? props.textChecked : props.textUnchecked}</span>
      )}
    </label>
  );
}
