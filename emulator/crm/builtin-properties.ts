import { defineProperty, type PropertyDefinition, type PropertySpec } from './property-types.js';

/** System properties every CRM object has; the emulator maintains them, writes to them are refused. */
const SYSTEM_PROPERTIES: PropertySpec[] = [
  { name: 'hs_object_id', label: 'Record ID', type: 'number', readOnly: true },
  { name: 'hs_createdate', label: 'Create date', type: 'datetime', readOnly: true },
  { name: 'hs_lastmodifieddate', label: 'Last modified date', type: 'datetime', readOnly: true },
];

// ASSUMPTION (unverified): the option list of `hs_goal_type`. `sales_quota` is documented; the others
// are plausible names for HubSpot's other goal templates and have not been checked on a real portal.
// ASSUMPTION (unverified): HubSpot labels `sales_quota` "Revenue", as its goal templates do.
export const GOAL_TYPE_OPTIONS = [
  { value: 'sales_quota', label: 'Revenue' },
  'deals_created',
  'deals_won',
  'meetings_booked',
  'calls_made',
  'emails_sent',
  'tickets_closed',
  'new_contacts',
] as const;

// ASSUMPTION (unverified): the option list of `hs_milestone` (only `monthly` is documented).
export const MILESTONE_OPTIONS = ['weekly', 'monthly', 'quarterly', 'annual'] as const;

// ASSUMPTION (unverified): the goal_targets property list beyond the documented names, and the types
// chosen for ids (`hs_goal_target_group_id`, `hs_assignee_*`: number; `hs_pipeline_ids`: string of
// `;`-separated pipeline ids).
const GOAL_TARGET_PROPERTIES: PropertySpec[] = [
  { name: 'hs_goal_name', label: 'Goal name', type: 'string', groupName: 'goal_target_information' },
  { name: 'hs_target_amount', label: 'Target amount', type: 'number', groupName: 'goal_target_information' },
  { name: 'hs_start_datetime', label: 'Start date', type: 'datetime', groupName: 'goal_target_information' },
  { name: 'hs_end_datetime', label: 'End date', type: 'datetime', groupName: 'goal_target_information' },
  { name: 'hs_group_correlation_uuid', label: 'Group correlation UUID', type: 'string' },
  { name: 'hs_goal_target_group_id', label: 'Goal target group ID', type: 'number' },
  {
    name: 'hubspot_owner_id',
    label: 'Assigned user',
    type: 'enumeration',
    referencedObjectType: 'OWNER',
    externalOptions: true,
  },
  { name: 'hs_assignee_user_id', label: 'Assignee user ID', type: 'number' },
  { name: 'hs_assignee_team_id', label: 'Assignee team ID', type: 'number' },
  { name: 'hubspot_team_id', label: 'HubSpot team', type: 'enumeration', externalOptions: true },
  { name: 'hs_pipeline_ids', label: 'Pipelines', type: 'string' },
  { name: 'hs_goal_type', label: 'Goal type', type: 'enumeration', options: [...GOAL_TYPE_OPTIONS] },
  { name: 'hs_milestone', label: 'Milestone', type: 'enumeration', options: [...MILESTONE_OPTIONS] },
  { name: 'hs_kpi_value', label: 'Progress value', type: 'number' },
  // ASSUMPTION (unverified): a boolean asking HubSpot to notify the assignee of edits (F17).
  {
    name: 'hs_should_notify_on_edit_updates',
    label: 'Notify on edit updates',
    type: 'bool',
    options: [
      { value: 'true', label: 'Yes' },
      { value: 'false', label: 'No' },
    ],
  },
  { name: 'hs_created_by_user_id', label: 'Created by user ID', type: 'number', readOnly: true },
  { name: 'hs_updated_by_user_id', label: 'Updated by user ID', type: 'number', readOnly: true },
];

const OWNER: PropertySpec = {
  name: 'hubspot_owner_id',
  label: 'Owner',
  type: 'enumeration',
  referencedObjectType: 'OWNER',
  externalOptions: true,
};

const DEAL_PROPERTIES: PropertySpec[] = [
  { name: 'dealname', label: 'Deal name', type: 'string' },
  { name: 'amount', label: 'Amount', type: 'number' },
  { name: 'pipeline', label: 'Pipeline', type: 'enumeration', externalOptions: true },
  { name: 'dealstage', label: 'Deal stage', type: 'enumeration', externalOptions: true },
  { name: 'closedate', label: 'Close date', type: 'datetime' },
  { name: 'createdate', label: 'Create date', type: 'datetime' },
  OWNER,
];

const COMPANY_PROPERTIES: PropertySpec[] = [
  { name: 'name', label: 'Company name', type: 'string' },
  { name: 'domain', label: 'Company domain name', type: 'string' },
  { name: 'city', label: 'City', type: 'string' },
  { name: 'createdate', label: 'Create date', type: 'datetime' },
  OWNER,
];

const CONTACT_PROPERTIES: PropertySpec[] = [
  { name: 'firstname', label: 'First name', type: 'string' },
  { name: 'lastname', label: 'Last name', type: 'string' },
  { name: 'email', label: 'Email', type: 'string', hasUniqueValue: true },
  { name: 'createdate', label: 'Create date', type: 'datetime' },
  { name: 'lastmodifieddate', label: 'Last modified date', type: 'datetime', readOnly: true },
  OWNER,
];

export function withSystemProperties(specs: PropertySpec[]): PropertyDefinition[] {
  return [...SYSTEM_PROPERTIES, ...specs].map((spec, index) => defineProperty(spec, index));
}

export const SYSTEM_PROPERTY_SPECS = SYSTEM_PROPERTIES;

/** A built-in object type: its canonical name, objectTypeId, properties and default response properties. */
export interface BuiltInObjectType {
  name: string;
  objectTypeId: string;
  aliases: string[];
  properties: PropertyDefinition[];
  defaultProperties: string[];
  searchableProperties: string[];
}

export const BUILT_IN_OBJECT_TYPES: BuiltInObjectType[] = [
  {
    name: 'goal_targets',
    objectTypeId: '0-74',
    aliases: ['goal_target', 'goals'],
    properties: withSystemProperties(GOAL_TARGET_PROPERTIES),
    // ASSUMPTION (unverified): the properties a goal_targets read returns when none are asked for.
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    searchableProperties: ['hs_goal_name'],
  },
  {
    name: 'deals',
    objectTypeId: '0-3',
    aliases: ['deal'],
    properties: withSystemProperties(DEAL_PROPERTIES),
    defaultProperties: [
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ],
    searchableProperties: ['dealname'],
  },
  {
    name: 'companies',
    objectTypeId: '0-2',
    aliases: ['company'],
    properties: withSystemProperties(COMPANY_PROPERTIES),
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    searchableProperties: ['name', 'domain'],
  },
  {
    name: 'contacts',
    objectTypeId: '0-1',
    aliases: ['contact'],
    properties: withSystemProperties(CONTACT_PROPERTIES),
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    searchableProperties: ['firstname', 'lastname', 'email'],
  },
];
