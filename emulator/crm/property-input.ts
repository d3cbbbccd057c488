import type { ErrorDetail } from '../http/errors.js';
import { validationError } from '../http/errors.js';
import type { ObjectType } from '../store/object-types.js';
import type { Store } from '../store/store.js';
import { normaliseValue } from './values.js';

export type PropertyChanges = Record<string, string | null>;

/** Check written properties against the type's definitions; HubSpot refuses unknown and read-only ones. */
export function checkProperties(
  type: ObjectType,
  input: unknown,
  store: Store,
): { ok: true; changes: PropertyChanges } | { ok: false; errors: ErrorDetail[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ message: '`properties` must be an object', code: 'INVALID_INPUT', in: 'properties' }],
    };
  }
  const errors: ErrorDetail[] = [];
  const changes: PropertyChanges = {};
  for (const [name, raw] of Object.entries(input)) {
    const definition = type.properties.get(name);
    if (!definition) {
      errors.push({
        message: `Property "${name}" does not exist`,
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: [name] },
      });
      continue;
    }
    if (definition.modificationMetadata.readOnlyValue || definition.calculated) {
      errors.push({
        message: `"${name}" is a read only property; its value cannot be set.`,
        code: 'READ_ONLY_VALUE',
        context: { propertyName: [name] },
      });
      continue;
    }
    const checked = normaliseValue(definition, raw, (id) => store.ownerExists(id));
    if (checked.ok) changes[name] = checked.value;
    else errors.push(checked.error);
  }
  return errors.length === 0 ? { ok: true, changes } : { ok: false, errors };
}

/** HubSpot embeds the per-property problems as JSON in the message; clients sometimes parse it. */
export function propertyValidationError(errors: ErrorDetail[]) {
  const described = errors.map((error) => ({
    isValid: false,
    message: error.message,
    error: error.code,
    name: error.context?.propertyName?.[0],
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(described)}`, errors);
}

// ASSUMPTION (unverified): a custom object's `requiredProperties` must be present on create.
export function missingRequired(type: ObjectType, changes: PropertyChanges): ErrorDetail[] {
  return type.requiredProperties
    .filter((name) => changes[name] === undefined || changes[name] === null)
    .map((name) => ({
      message: `Required property "${name}" is missing`,
      code: 'REQUIRED_PROPERTY',
      context: { propertyName: [name] },
    }));
}
