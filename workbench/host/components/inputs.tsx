/**
 * Text-like inputs: Input, TextArea, NumberInput, CurrencyInput, StepperInput, SearchInput, DateInput,
 * TimeInput, and Form. As in HubSpot, `onInput` fires per keystroke and `onChange` commits on blur
 * (or Enter), only when the value changed since the last commit.
 */
import type {
  CurrencyInputProps,
  DateInputProps,
  FormProps,
  InputProps,
  NumberInputProps,
  SearchInputProps,
  StepperInputProps,
  TextAreaProps,
  TimeInputProps,
} from '@hubspot/ui-extensions';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { reactionsFor, useHostServices } from '../services';
import { FieldFrame, nextFieldId } from './field';
import { cx, invoke, toExtensionEvent, useLatest } from './util';

interface Codec<V> {
  format(value: V | undefined | null): string;
  parse(raw: string): V | undefined;
}

const textCodec: Codec<string> = { format: (v) => v ?? '', parse: (raw) => raw };

function numberCodec(precision?: number): Codec<number> {
  return {
    format: (v) =>
      typeof v === 'number' && Number.isFinite(v)
        ? precision !== undefined
          ? v.toFixed(precision)
          : String(v)
        : '',
    parse: (raw) => {
      const cleaned = raw.replace(/[,\s]/g, '');
      if (cleaned === '') return undefined;
      const n = Number(cleaned);
      return Number.isFinite(n) ? n : undefined;
    },
  };
}

interface CommitProps<V> {
  value?: V | undefined;
  defaultValue?: V | undefined;
  onChange?: ((value: V) => void) | undefined;
  onInput?: ((value: V) => void) | undefined;
  onBlur?: ((value: V) => void) | undefined;
  onFocus?: ((value: V) => void) | undefined;
}

/** Draft text while focused; commits (onChange) on blur or Enter; follows `value` when not focused. */
function useCommittedText<V>(props: CommitProps<V>, codec: Codec<V>) {
  const initial = codec.format(props.value !== undefined ? props.value : props.defaultValue);
  const [draft, setDraft] = useState(initial);
  const committed = useRef(initial);
  const focused = useRef(false);
  const latest = useLatest(props);
  const formatted = props.value === undefined ? undefined : codec.format(props.value);
  useEffect(() => {
    // A controlled value from the extension wins, except while the user is typing.
    if (formatted !== undefined && !focused.current) {
      setDraft(formatted);
      committed.current = formatted;
    }
  }, [formatted]);
  const commit = () => {
    if (draft !== committed.current) {
      committed.current = draft;
      void invoke(latest.current.onChange, codec.parse(draft));
    }
  };
  return {
    value: draft,
    onChange(raw: string) {
      setDraft(raw);
      void invoke(latest.current.onInput, codec.parse(raw));
    },
    onFocus() {
      focused.current = true;
      void invoke(latest.current.onFocus, codec.parse(draft));
    },
    onBlur() {
      focused.current = false;
      commit();
      void invoke(latest.current.onBlur, codec.parse(draft));
    },
    onKeyDown(e: KeyboardEvent) {
      if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) commit();
    },
  };
}

export function Input(props: InputProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const text = useCommittedText(props, textCodec);
  return (
    <FieldFrame {...props} id={id} name="Input">
      <input
        id={id}
        name={props.name}
        type={props.type === 'password' ? 'password' : 'text'}
        className="hs-input"
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        required={props.required}
        aria-invalid={props.error || undefined}
        value={text.value}
        onChange={(e) => text.onChange(e.target.value)}
        onFocus={text.onFocus}
        onBlur={text.onBlur}
        onKeyDown={text.onKeyDown}
      />
    </FieldFrame>
  );
}

export function SearchInput(props: SearchInputProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const text = useCommittedText(props, textCodec);
  const latest = useLatest(props);
  return (
    <FieldFrame {...props} id={id} name="SearchInput">
      <div className="hs-search">
        <span className="glass" aria-hidden="true">
          ⌕
        </span>
        <input
          id={id}
          name={props.name}
          type="search"
          className="hs-input"
          placeholder={props.placeholder ?? 'Search'}
          value={text.value}
          onChange={(e) => text.onChange(e.target.value)}
          onFocus={text.onFocus}
          onBlur={text.onBlur}
          onKeyDown={text.onKeyDown}
        />
        {props.clearable !== false && text.value !== '' && (
          <button
            type="button"
            className="clear"
            aria-label="Clear search"
            onClick={() => {
              text.onChange('');
              void invoke(latest.current.onChange, '');
            }}
          >
            ×
          </button>
        )}
      </div>
    </FieldFrame>
  );
}

export function TextArea(props: TextAreaProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const text = useCommittedText(props, textCodec);
  return (
    <FieldFrame {...props} id={id} name="TextArea">
      <textarea
        id={id}
        name={props.name}
        className="hs-input"
        rows={props.rows ?? 3}
        cols={props.cols}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        style={{ resize: props.resize ?? 'vertical' }}
        value={text.value}
        onChange={(e) => text.onChange(e.target.value)}
        onFocus={text.onFocus}
        onBlur={text.onBlur}
      />
    </FieldFrame>
  );
}

function NumberLike(
  props: NumberInputProps & { hsName: string; prefix?: string | undefined; step?: number },
) {
  const id = useRef(nextFieldId(props.name)).current;
  const text = useCommittedText<number>(props, numberCodec(props.precision));
  return (
    <FieldFrame {...props} id={id} name={props.hsName}>
      <div className={cx('hs-affix', props.prefix && 'has-prefix')}>
        {props.prefix && <span className="prefix">{props.prefix}</span>}
        <input
          id={id}
          name={props.name}
          type="text"
          inputMode="decimal"
          className="hs-input"
          style={{ textAlign: props.textAlign ?? 'left' }}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          aria-invalid={props.error || undefined}
          value={text.value}
          onChange={(e) => text.onChange(e.target.value)}
          onFocus={text.onFocus}
          onBlur={text.onBlur}
          onKeyDown={text.onKeyDown}
        />
      </div>
    </FieldFrame>
  );
}

export const NumberInput = (props: NumberInputProps) => (
  <NumberLike {...props} hsName="NumberInput" prefix={props.formatStyle === 'percentage' ? '%' : undefined} />
);

function currencySymbol(code: string | undefined): string {
  try {
    const parts = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code ?? 'USD',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code ?? '$';
  } catch {
    return code ?? '$';
  }
}

export const CurrencyInput = (props: CurrencyInputProps) => (
  <NumberLike {...props} hsName="CurrencyInput" prefix={currencySymbol(props.currency)} />
);

export function StepperInput(props: StepperInputProps) {
  const step = props.stepSize ?? 1;
  const latest = useLatest(props);
  const [current, setCurrent] = useState<number | undefined>(props.value ?? props.defaultValue);
  useEffect(() => {
    if (props.value !== undefined) setCurrent(props.value);
  }, [props.value]);
  const bump = (delta: number) => {
    let next = (current ?? 0) + delta;
    if (props.min !== undefined) next = Math.max(props.min, next);
    if (props.max !== undefined) next = Math.min(props.max, next);
    setCurrent(next);
    void invoke(latest.current.onChange, next);
  };
  return (
    <div className="hs-stepper">
      <NumberLike
        {...props}
        value={current}
        hsName="StepperInput"
        onChange={(v) => {
          setCurrent(v);
          void invoke(latest.current.onChange, v);
        }}
      />
      <button
        type="button"
        className="hs-button v-secondary s-sm"
        aria-label="Decrease"
        onClick={() => bump(-step)}
      >
        −
      </button>
      <button
        type="button"
        className="hs-button v-secondary s-sm"
        aria-label="Increase"
        onClick={() => bump(step)}
      >
        +
      </button>
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

export function DateInput(props: DateInputProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const latest = useLatest(props);
  const toRaw = (d: DateInputProps['value'] | null | undefined) =>
    d ? `${d.year}-${pad(d.month + 1)}-${pad(d.date)}` : '';
  const [raw, setRaw] = useState(toRaw(props.value ?? props.defaultValue));
  const controlled = props.value === undefined ? undefined : toRaw(props.value);
  useEffect(() => {
    if (controlled !== undefined) setRaw(controlled);
  }, [controlled]);
  const payload = (r: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r);
    if (!m) return null;
    return { year: Number(m[1]), month: Number(m[2]) - 1, date: Number(m[3]), formattedDate: r };
  };
  return (
    <FieldFrame {...props} id={id} name="DateInput">
      <input
        id={id}
        name={props.name}
        type="date"
        className="hs-input"
        readOnly={props.readOnly}
        min={toRaw(props.min) || undefined}
        max={toRaw(props.max) || undefined}
        value={raw}
        onChange={(e) => {
          setRaw(e.target.value);
          // A date picker commits when a whole date is chosen.
          void invoke(latest.current.onChange, payload(e.target.value));
        }}
        onBlur={() => invoke(latest.current.onBlur, payload(raw))}
      />
    </FieldFrame>
  );
}

export function TimeInput(props: TimeInputProps) {
  const id = useRef(nextFieldId(props.name)).current;
  const latest = useLatest(props);
  const toRaw = (t: TimeInputProps['value'] | null | undefined) =>
    t ? `${pad(t.hours)}:${pad(t.minutes)}` : '';
  const [raw, setRaw] = useState(toRaw(props.value ?? props.defaultValue));
  return (
    <FieldFrame {...props} id={id} name="TimeInput">
      <input
        id={id}
        name={props.name}
        type="time"
        className="hs-input"
        step={(props.interval ?? 1) * 60}
        value={raw}
        onChange={(e) => {
          setRaw(e.target.value);
          const m = /^(\d{2}):(\d{2})/.exec(e.target.value);
          void invoke(latest.current.onChange, m ? { hours: Number(m[1]), minutes: Number(m[2]) } : null);
        }}
      />
    </FieldFrame>
  );
}

export function Form(props: FormProps) {
  const services = useHostServices();
  const latest = useLatest(props);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const values: Record<string, string> = {};
    for (const [k, v] of new FormData(form).entries()) values[k] = typeof v === 'string' ? v : v.name;
    const event = { ...toExtensionEvent(e), targetValue: values };
    await services.settle();
    await invoke(latest.current.onSubmit, event, reactionsFor(services.overlays));
  };
  return (
    <form
      data-hs="Form"
      {...(props.testId ? { 'data-testid': props.testId } : {})}
      className="hs-form"
      autoComplete={props.autoComplete}
      onSubmit={onSubmit}
      noValidate
    >
      {props.children}
    </form>
  );
}
