/**
 * Every HubSpot path the app uses, in one place. The CRM object prefix is the one thing that changes
 * when HubSpot retires the v3 paths (announced for September 2027): switch `OBJECTS_PREFIX` to
 * `/crm/objects/2026-03` and every object call follows (hubspot-facts §6).
 */
export const OBJECTS_PREFIX = '/crm/v3/objects';

export const GOAL_TARGETS = 'goal_targets';

export const paths = {
  objects: (objectType: string) => `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}`,
  object: (objectType: string, id: string) =>
    `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/${encodeURIComponent(id)}`,
  search: (objectType: string) => `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/search`,
  batch: (objectType: string, op: 'read' | 'create' | 'update' | 'archive') =>
    `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/batch/${op}`,
  properties: (objectType: string) => `/crm/v3/properties/${encodeURIComponent(objectType)}`,
  schemas: () => '/crm/v3/schemas',
  owners: () => '/crm/v3/owners',
  // ASSUMPTION (unverified): teams are read from the settings users API `/settings/v3/users/teams`
  // (scope `settings.users.teams.read`), answering `{ results: [{ id, name, userIds, ... }] }`.
  teams: () => '/settings/v3/users/teams',
  pipelines: (objectType: string) => `/crm/v3/pipelines/${encodeURIComponent(objectType)}`,
} as const;

/** Names a path for the call counter: ids replaced so that counts group by endpoint. */
export function endpointKey(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const normalised = bare
    .replace(/\/\d+(?=\/|$)/g, '/{id}')
    .replace(/\/(2-\d+|p\d+_[a-z0-9_]+)(?=\/|$)/g, '/{customType}');
  return `${method.toUpperCase()} ${normalised}`;
}

/** Limits HubSpot documents (hubspot-facts §6). */
export const LIMITS = {
  batchInputs: 100,
  listPage: 100,
  searchPage: 200,
  searchResultCap: 10_000,
  searchesPerSecond: 5,
} as const;
