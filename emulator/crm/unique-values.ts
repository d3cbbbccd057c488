import { HubSpotHttpError } from '../http/errors.js';
import type { ObjectType } from '../store/object-types.js';
import type { Store } from '../store/store.js';
import type { PropertyChanges } from './property-input.js';

/**
 * The first property with `hasUniqueValue` whose new value another live record of the type already
 * holds (or an earlier input of the same batch claims), or undefined. `exceptId` is the record being
 * updated: keeping its own value is no conflict.
 */
export function uniqueValueConflict(
  store: Store,
  type: ObjectType,
  changes: PropertyChanges,
  exceptId?: string,
  claimed?: Map<string, Set<string>>,
): { property: string; value: string } | undefined {
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || !type.properties.get(name)?.hasUniqueValue) continue;
    if (claimed?.get(name)?.has(value)) return { property: name, value };
    for (const record of store.recordsOf(type).values()) {
      if (!record.archived && record.id !== exceptId && record.properties[name] === value)
        return { property: name, value };
    }
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || !type.properties.get(name)?.hasUniqueValue) continue;
    if (claimed) claimed.set(name, new Set([...(claimed.get(name) ?? []), value]));
  }
  return undefined;
}

// ASSUMPTION (unverified): HubSpot refuses a value of a `hasUniqueValue` property that another record
// holds with 409 CONFLICT (as it does for a contact's email); the message's wording is the emulator's.
export const uniqueValueMessage = (type: ObjectType, conflict: { property: string; value: string }) =>
  `A ${type.name} record already has the value "${conflict.value}" for the unique property ${conflict.property}.`;

export const uniqueValueError = (type: ObjectType, conflict: { property: string; value: string }) =>
  new HubSpotHttpError(409, 'CONFLICT', uniqueValueMessage(type, conflict), {
    context: { propertyName: [conflict.property] },
  });
