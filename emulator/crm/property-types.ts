/** A property definition as `GET /crm/v3/properties/{objectType}` returns it (HubSpot's `Property`). */
export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export type PropertyType =
  | 'string'
  | 'number'
  | 'datetime'
  | 'date'
  | 'enumeration'
  | 'bool'
  | 'phone_number';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  description: string;
  groupName: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined?: boolean;
  formField: boolean;
  showCurrencySymbol?: boolean;
  referencedObjectType?: string;
  modificationMetadata: {
    archivable: boolean;
    readOnlyDefinition: boolean;
    readOnlyValue: boolean;
  };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertySpec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType?: string;
  description?: string;
  groupName?: string;
  options?: Array<string | { value: string; label: string }>;
  readOnly?: boolean;
  calculated?: boolean;
  hasUniqueValue?: boolean;
  hubspotDefined?: boolean;
  referencedObjectType?: string;
  externalOptions?: boolean;
}

const DEFAULT_FIELD_TYPE: Record<PropertyType, string> = {
  string: 'text',
  number: 'number',
  datetime: 'date',
  date: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
  phone_number: 'phonenumber',
};

// A fixed timestamp for built-in definitions keeps snapshots and responses deterministic.
export const BUILT_IN_DEFINITION_TIME = '2020-01-01T00:00:00.000Z';

function humanize(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function defineProperty(
  spec: PropertySpec,
  displayOrder: number,
  at = BUILT_IN_DEFINITION_TIME,
): PropertyDefinition {
  const options = (spec.options ?? []).map((option, index) =>
    typeof option === 'string'
      ? { label: humanize(option), value: option, displayOrder: index, hidden: false }
      : { label: option.label, value: option.value, displayOrder: index, hidden: false },
  );
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType ?? DEFAULT_FIELD_TYPE[spec.type],
    description: spec.description ?? '',
    groupName: spec.groupName ?? 'information',
    options,
    displayOrder,
    calculated: spec.calculated ?? false,
    externalOptions: spec.externalOptions ?? false,
    hasUniqueValue: spec.hasUniqueValue ?? false,
    hidden: false,
    hubspotDefined: spec.hubspotDefined ?? true,
    formField: false,
    ...(spec.referencedObjectType ? { referencedObjectType: spec.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !(spec.hubspotDefined ?? true),
      readOnlyDefinition: spec.hubspotDefined ?? true,
      readOnlyValue: spec.readOnly ?? false,
    },
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}
