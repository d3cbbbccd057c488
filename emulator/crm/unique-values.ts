/** HubSpot's unique-value properties (`hasUniqueValue`): no two live records of a type share a value. */
import { HubSpotHttpError } from '../http/errors.js';
import type { ObjectType } from '../store/object-types.js';
import type { Store } from '../store/store.js';
import type { PropertyChanges } from './property-input.js';

/**
 * Refuses writes that would give a unique property a value another live record (or another input of
 * the same call) already holds. Checked before anything is written; a record keeping (or re-writing)
 * its own value is no conflict, and an archived record's value is free again.
 */
// ASSUMPTION (unverified): such a write answers 409 with category CONFLICT and a message naming the
// existing record ("… already exists. Existing ID: …"), as a duplicate contact email does, and changes
// nothing: a batch call with one such input is refused whole, naming the first conflict it meets.
export function assertUniqueValues(
  store: Store,
  type: ObjectType,
  writes: readonly { changes: PropertyChanges; id?: string | undefined }[],
): void {
  const unique = [...type.properties.values()].filter((p) => p.hasUniqueValue).map((p) => p.name);
  if (unique.length === 0) return;
  for (const name of unique) {
    const claimed = new Map<string, string | undefined>();
    for (const write of writes) {
      const value = write.changes[name];
      if (value === undefined || value === null || value === '') continue;
      if (claimed.has(value)) throw duplicate(type, name, value);
      claimed.set(value, write.id);
    }
    if (claimed.size === 0) continue;
    for (const record of store.recordsOf(type).values()) {
      if (record.archived) continue;
      const value = record.properties[name];
      if (value === undefined || !claimed.has(value)) continue;
      if (claimed.get(value) !== record.id) throw duplicate(type, name, value, record.id);
    }
  }
}

function duplicate(type: ObjectType, name: string, value: string, existingId?: string): HubSpotHttpError {
  return new HubSpotHttpError(
    409,
    'CONFLICT',
    `A ${type.name} with ${name} "${value}" already exists.${existingId ? ` Existing ID: ${existingId}` : ''}`,
    { context: { propertyName: [name] } },
  );
}
