/**
 * The goal-target reads a function makes, told apart by the shape of each request, so that the report
 * can account for every call of a scan: list pages, searches down by id, searches for given families.
 */
type Filter = { propertyName?: string; operator?: string };
type SearchBody = {
  filterGroups?: { filters?: Filter[] }[];
  sorts?: { propertyName?: string; direction?: string }[];
};

/** What a goal-target read asked for, by the shape of the request (null: not a goal-target read). */
export function readPurpose(method: string, path: string, body: unknown): string | null {
  if (!/\/goal_targets(\/search)?$/.test(path)) return null;
  if (method === 'GET') return READS.list;
  let parsed: SearchBody = {};
  try {
    parsed = JSON.parse(String(body)) as SearchBody;
  } catch {
    return READS.other;
  }
  const filters = (parsed.filterGroups ?? []).flatMap((g) => g.filters ?? []);
  const has = (property: string, operator: string) =>
    filters.some((f) => f.propertyName === property && f.operator === operator);
  if (parsed.sorts?.[0]?.propertyName === 'hs_object_id' && parsed.sorts[0].direction === 'DESCENDING')
    return READS.down;
  if (has('hs_group_correlation_uuid', 'IN') || has('hs_group_correlation_uuid', 'EQ')) return READS.families;
  if (has('hs_goal_target_group_id', 'IN')) return READS.groups;
  return READS.other;
}

export const READS = {
  list: 'list pages (GET, 100 a page)',
  down: 'searches down by id (200 a page)',
  families: 'searches for given families',
  groups: "searches for orphans' target groups",
  other: 'other searches (owner, team, filters)',
} as const;
