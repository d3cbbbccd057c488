/** New target group ids for create and clone. */

// ASSUMPTION (unverified): HubSpot accepts a client-chosen `hs_goal_target_group_id` (a numeric
// string) on batch create, so the app can give each assignee's new schedule its own group id and a
// retry can recognise it. If HubSpot assigns group ids itself, only this function and the callers'
// `newGroupId` generator change.
export function clientChosenGroupId(newGroupId: () => string): string {
  const id = newGroupId();
  if (!/^\d{1,20}$/.test(id)) throw new RangeError(`a target group id must be a numeric string, got "${id}"`);
  return id;
}
