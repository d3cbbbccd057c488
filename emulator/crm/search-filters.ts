import { validationError } from '../http/errors.js';
import type { ObjectType } from '../store/object-types.js';
import type { PropertyDefinition } from './property-types.js';
import { compareDecimals, formatStoredDatetime, isDecimal, parseDatetimeMs } from './values.js';

export const SEARCH_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

export type Properties = Readonly<Record<string, string>>;
export type Predicate = (properties: Properties) => boolean;

/** Turns a filter value into the comparable form of a stored value of this property. */
function comparableValue(definition: PropertyDefinition, value: string): string {
  if (definition.type === 'datetime' || definition.type === 'date') {
    const ms = parseDatetimeMs(value);
    if (ms === undefined)
      throw validationError(
        `${value} is not a valid datetime for ${definition.name} (use epoch milliseconds)`,
      );
    // Stored datetimes are canonical ISO strings, which order like the instants they name.
    return definition.type === 'date' ? formatStoredDatetime(ms).slice(0, 10) : formatStoredDatetime(ms);
  }
  if (definition.type === 'number' && !isDecimal(value)) {
    throw validationError(`${value} is not a valid number for ${definition.name}`);
  }
  return definition.type === 'number' ? value.trim() : value.toLowerCase();
}

/** Ordering of two stored/filter values of one property; undefined when they cannot be compared. */
export function compareValues(
  definition: PropertyDefinition,
  stored: string,
  wanted: string,
): number | undefined {
  if (definition.type === 'number') {
    return isDecimal(stored) ? compareDecimals(stored, wanted) : undefined;
  }
  const left = definition.type === 'datetime' || definition.type === 'date' ? stored : stored.toLowerCase();
  return left < wanted ? -1 : left > wanted ? 1 : 0;
}

/** Whole-token match, `*` as a wildcard inside a token, case-insensitive; one regex, no splitting. */
function tokenMatcher(value: string): (text: string) => boolean {
  const pattern = value
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\p{L}\\p{N}]*');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => regex.test(text);
}

const ORDER_TESTS: Record<'LT' | 'LTE' | 'GT' | 'GTE', (order: number) => boolean> = {
  LT: (order) => order < 0,
  LTE: (order) => order <= 0,
  GT: (order) => order > 0,
  GTE: (order) => order >= 0,
};

export interface FilterInput {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  highValue?: unknown;
  values?: unknown;
}

/** Compile one filter to a predicate over a record's (indexed) properties. */
// ASSUMPTION (unverified): NEQ, NOT_IN and NOT_CONTAINS_TOKEN match records without the property;
// string comparisons ignore case; a filter on an unknown property is a 400.
export function compileFilter(type: ObjectType, filter: FilterInput): Predicate {
  const name = String(filter.propertyName ?? '');
  const operator = String(filter.operator ?? '') as SearchOperator;
  const definition = type.properties.get(name);
  if (!definition) throw validationError(`Invalid filter: property ${name} does not exist on ${type.name}`);
  if (!SEARCH_OPERATORS.includes(operator)) throw validationError(`Invalid filter operator: ${operator}`);
  const need = (raw: unknown, what: string): string => {
    if (raw === undefined || raw === null)
      throw validationError(`Invalid filter: ${operator} on ${name} needs ${what}`);
    return String(raw);
  };
  const compare = (stored: string | undefined, wanted: string) =>
    stored === undefined ? undefined : compareValues(definition, stored, wanted);
  switch (operator) {
    case 'HAS_PROPERTY':
      return (p) => p[name] !== undefined && p[name] !== '';
    case 'NOT_HAS_PROPERTY':
      return (p) => p[name] === undefined || p[name] === '';
    case 'EQ':
    case 'NEQ': {
      const wanted = comparableValue(definition, need(filter.value, 'a value'));
      const equal = (p: Properties) => compare(p[name], wanted) === 0;
      return operator === 'EQ' ? equal : (p) => !equal(p);
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const wanted = comparableValue(definition, need(filter.value, 'a value'));
      const test = ORDER_TESTS[operator];
      return (p) => {
        const c = compare(p[name], wanted);
        return c !== undefined && test(c);
      };
    }
    case 'BETWEEN': {
      const low = comparableValue(definition, need(filter.value, 'a value'));
      const high = comparableValue(definition, need(filter.highValue, 'a highValue'));
      return (p) => {
        const above = compare(p[name], low);
        const below = compare(p[name], high);
        return above !== undefined && below !== undefined && above >= 0 && below <= 0;
      };
    }
    case 'IN':
    case 'NOT_IN': {
      if (!Array.isArray(filter.values))
        throw validationError(`Invalid filter: ${operator} on ${name} needs values`);
      const wanted = filter.values.map((value) => comparableValue(definition, String(value)));
      const within = (p: Properties) => wanted.some((value) => compare(p[name], value) === 0);
      return operator === 'IN' ? within : (p) => !within(p);
    }
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const matches = tokenMatcher(need(filter.value, 'a value'));
      const contains = (p: Properties) => p[name] !== undefined && matches(p[name] ?? '');
      return operator === 'CONTAINS_TOKEN' ? contains : (p) => !contains(p);
    }
  }
}
