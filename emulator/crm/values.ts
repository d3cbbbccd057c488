import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { ErrorDetail } from '../http/errors.js';
import type { PropertyDefinition } from './property-types.js';

dayjs.extend(utc);

// ASSUMPTION (unverified): HubSpot's limit on a single-line/multi-line text value (65,536 characters).
export const MAX_STRING_VALUE_LENGTH = 65_536;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const EPOCH_MS = /^-?\d{1,15}$/;
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Parse a datetime as HubSpot accepts it on write and in filters: epoch milliseconds or ISO 8601. */
export function parseDatetimeMs(value: string): number | undefined {
  if (EPOCH_MS.test(value)) return Number(value);
  // Fast path for the common UTC form; dayjs handles the rest (offsets, dates, no zone read as UTC).
  if (CANONICAL_ISO.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const parsed = dayjs.utc(value);
  return parsed.isValid() ? parsed.valueOf() : undefined;
}

// ASSUMPTION (unverified): stored datetimes come back as ISO 8601 with milliseconds and `Z`
// (`2026-01-01T00:00:00.000Z`), whichever form was written.
export function formatStoredDatetime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export type ValueCheck = { ok: true; value: string | null } | { ok: false; error: ErrorDetail };

function invalid(definition: PropertyDefinition, value: string, code: string, why: string): ValueCheck {
  return {
    ok: false,
    error: {
      message: `Property values were not valid: ${definition.name}=${JSON.stringify(value.slice(0, 100))}: ${why}`,
      code,
      context: { propertyName: [definition.name] },
    },
  };
}

/**
 * Normalise one written value to its stored string form, or explain why it is refused.
 * `null` means "clear the property" (HubSpot clears on an empty string).
 */
export function normaliseValue(
  definition: PropertyDefinition,
  raw: unknown,
  knownOwnerIds: (id: string) => boolean,
): ValueCheck {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  if (typeof raw === 'object')
    return invalid(definition, JSON.stringify(raw), 'INVALID_VALUE', 'not a scalar');
  const value = String(raw);
  switch (definition.type) {
    // ASSUMPTION (unverified): numbers are stored as written ("5000.00" stays "5000.00"), not normalised.
    case 'number':
      return DECIMAL.test(value.trim())
        ? { ok: true, value: value.trim() }
        : invalid(definition, value, 'INVALID_DECIMAL', 'not a number');
    case 'datetime': {
      const ms = parseDatetimeMs(value.trim());
      return ms === undefined
        ? invalid(definition, value, 'INVALID_DATE', 'not an epoch-millisecond or ISO 8601 datetime')
        : { ok: true, value: formatStoredDatetime(ms) };
    }
    case 'date': {
      const ms = parseDatetimeMs(value.trim());
      if (ms === undefined) return invalid(definition, value, 'INVALID_DATE', 'not a date');
      const day = dayjs.utc(ms);
      return day.startOf('day').valueOf() === ms
        ? { ok: true, value: day.format('YYYY-MM-DD') }
        : invalid(definition, value, 'INVALID_DATE', 'a date must be midnight UTC');
    }
    case 'bool':
      return value === 'true' || value === 'false'
        ? { ok: true, value }
        : invalid(definition, value, 'INVALID_BOOLEAN', 'not true or false');
    case 'enumeration': {
      // ASSUMPTION (unverified): an owner property refuses an id that is not a current owner (INVALID_OWNER_ID).
      if (definition.referencedObjectType === 'OWNER') {
        return knownOwnerIds(value)
          ? { ok: true, value }
          : invalid(definition, value, 'INVALID_OWNER_ID', 'no owner has this id');
      }
      if (definition.externalOptions) return { ok: true, value };
      const allowed = new Set(definition.options.map((option) => option.value));
      const chosen = definition.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = chosen.find((choice) => !allowed.has(choice));
      return bad === undefined
        ? { ok: true, value }
        : invalid(
            definition,
            value,
            'INVALID_OPTION',
            `${JSON.stringify(bad)} was not one of the allowed options`,
          );
    }
    default:
      return value.length > MAX_STRING_VALUE_LENGTH
        ? invalid(
            definition,
            value,
            'INVALID_STRING_LENGTH',
            `longer than ${MAX_STRING_VALUE_LENGTH} characters`,
          )
        : { ok: true, value };
  }
}

/** Exact comparison of two decimal strings (no binary floating point). */
export function compareDecimals(a: string, b: string): number {
  const [signA, intA, fracA] = splitDecimal(a);
  const [signB, intB, fracB] = splitDecimal(b);
  if (intA === '0' && fracA === '' && intB === '0' && fracB === '') return 0;
  if (signA !== signB) return signA < signB ? -1 : 1;
  const magnitude = compareMagnitude(intA, fracA, intB, fracB);
  return signA < 0 ? -magnitude : magnitude;
}

function splitDecimal(value: string): [number, string, string] {
  const trimmed = value.trim();
  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1) : trimmed;
  const [intPart = '0', fracPart = ''] = body.split('.');
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracPart.replace(/0+$/, '');
  const isZero = int === '0' && frac === '';
  return [negative && !isZero ? -1 : 1, int, frac];
}

function compareMagnitude(intA: string, fracA: string, intB: string, fracB: string): number {
  if (intA.length !== intB.length) return intA.length < intB.length ? -1 : 1;
  if (intA !== intB) return intA < intB ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const a = fracA.padEnd(width, '0');
  const b = fracB.padEnd(width, '0');
  return a === b ? 0 : a < b ? -1 : 1;
}

export const isDecimal = (value: string) => DECIMAL.test(value.trim());
