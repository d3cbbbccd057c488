import { BUILT_IN_OBJECT_TYPES } from '../crm/builtin-properties.js';
import type { PropertyDefinition } from '../crm/property-types.js';

/** Everything the object endpoints need to know about one object type. */
export interface ObjectType {
  /** The canonical key records are stored under: the objectTypeId (`0-74`, `2-4000001`). */
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  properties: Map<string, PropertyDefinition>;
  defaultProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  custom: boolean;
}

export function builtInObjectTypes(): ObjectType[] {
  return BUILT_IN_OBJECT_TYPES.map((builtIn) => ({
    objectTypeId: builtIn.objectTypeId,
    name: builtIn.name,
    fullyQualifiedName: builtIn.name,
    properties: new Map(
      builtIn.properties.map((definition) => [definition.name, structuredClone(definition)]),
    ),
    defaultProperties: builtIn.defaultProperties,
    searchableProperties: builtIn.searchableProperties,
    requiredProperties: [],
    custom: false,
  }));
}

/** Aliases under which a path segment names a built-in type (HubSpot accepts singular and plural names). */
export function builtInAliases(): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const builtIn of BUILT_IN_OBJECT_TYPES) {
    aliases.set(builtIn.name, builtIn.objectTypeId);
    aliases.set(builtIn.objectTypeId, builtIn.objectTypeId);
    for (const alias of builtIn.aliases) aliases.set(alias, builtIn.objectTypeId);
  }
  return aliases;
}

/** A custom object schema as the schemas API returns it (without `properties`, which live in the type). */
export interface StoredSchema {
  id: string;
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  labels: { singular?: string; plural?: string };
  description?: string;
  primaryDisplayProperty?: string;
  secondaryDisplayProperties: string[];
  requiredProperties: string[];
  searchableProperties: string[];
  associations: Array<{ id: string; fromObjectTypeId: string; toObjectTypeId: string; name?: string }>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}
