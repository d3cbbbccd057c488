// ASSUMPTION (unverified): `hs_should_notify_on_edit_updates` is a boolean property of goal targets
// ("true"/"false"); HubSpot notifies a target's assignee of edits while it is "true".
export const NOTIFY_ON_EDIT_PROPERTY = 'hs_should_notify_on_edit_updates';

/** HubSpot `goal_targets` property names, in one place. */
export const PROP = {
  uuid: 'hs_group_correlation_uuid',
  groupId: 'hs_goal_target_group_id',
  name: 'hs_goal_name',
  goalType: 'hs_goal_type',
  milestone: 'hs_milestone',
  pipelineIds: 'hs_pipeline_ids',
  start: 'hs_start_datetime',
  end: 'hs_end_datetime',
  targetAmount: 'hs_target_amount',
  kpiValue: 'hs_kpi_value',
  ownerId: 'hubspot_owner_id',
  teamId: 'hs_assignee_team_id',
  userId: 'hs_assignee_user_id',
  lastModified: 'hs_lastmodifieddate',
  createdAt: 'hs_createdate',
  objectId: 'hs_object_id',
  notifyOnEdit: NOTIFY_ON_EDIT_PROPERTY,
} as const;

export type PropertyName = (typeof PROP)[keyof typeof PROP];

/** Every property the domain reads: ask HubSpot for these when listing or searching goal targets. */
export const READ_PROPERTIES: readonly string[] = Object.values(PROP);

/**
 * Properties that must be identical on every slice of a family, or HubSpot shows the goal twice or
 * not at all (docs/hubspot-facts.md §5). The two ids are family-defining too, but they are the grouping keys
 * themselves and are checked by their own rules.
 */
export const FAMILY_DEFINING_PROPERTIES = [
  PROP.name,
  PROP.goalType,
  PROP.milestone,
  PROP.pipelineIds,
] as const;
export type FamilyDefiningProperty = (typeof FAMILY_DEFINING_PROPERTIES)[number];

/** Properties HubSpot computes; never send them in a create or update. */
export const READ_ONLY_PROPERTIES: readonly string[] = [PROP.objectId, PROP.createdAt, PROP.lastModified];

// ASSUMPTION (unverified): `hs_pipeline_ids` holds several pipeline ids separated by ";", as HubSpot's
// other multi-value (enumeration checkbox) properties do.
export const PIPELINE_IDS_SEPARATOR = ';';

/** Splits a raw `hs_pipeline_ids` value into ids (blank entries dropped, order kept). */
export function parsePipelineIds(raw: string | null | undefined): string[] {
  if (raw === null || raw === undefined) return [];
  const ids: string[] = [];
  for (const part of raw.split(PIPELINE_IDS_SEPARATOR)) {
    const id = part.trim();
    if (id !== '') ids.push(id);
  }
  return ids;
}

/** Joins pipeline ids into the raw `hs_pipeline_ids` value. */
export function formatPipelineIds(ids: readonly string[]): string {
  return ids.join(PIPELINE_IDS_SEPARATOR);
}

/** ASSUMPTION (unverified): HubSpot clears a property written as an empty string, as it does for other objects. */
export const CLEARED = '';
