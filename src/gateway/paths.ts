/**
 * Every HubSpot path the app uses, in one place. The CRM object prefix is the one thing that changes
 * when HubSpot retires the v3 paths (announced for September 2027): switch `OBJECTS_PREFIX` to
 * `/crm/objects/2026-03` and every object call follows (docs/hubspot-facts.md §6).
 */
export const OBJECTS_PREFIX = '/crm/v3/objects';

export const GOAL_TARGETS = 'goal_targets';

export const paths = {
  objects: (objectType: string) => `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}`,
  object: (objectType: string, id: string) =>
    `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/${encodeURIComponent(id)}`,
  search: (objectType: string) => `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/search`,
  batch: (objectType: string, op: 'read' | 'create' | 'update' | 'upsert' | 'archive') =>
    `${OBJECTS_PREFIX}/${encodeURIComponent(objectType)}/batch/${op}`,
  properties: (objectType: string) => `/crm/v3/properties/${encodeURIComponent(objectType)}`,
  schemas: () => '/crm/v3/schemas',
  owners: () => '/crm/v3/owners',
  // ASSUMPTION (unverified): teams are read from the settings users API `/settings/v3/users/teams`
  // (scope `settings.users.teams.read`), answering `{ results: [{ id, name, userIds, ... }] }`.
  teams: () => '/settings/v3/users/teams',
  // ASSUMPTION (unverified): the user provisioning API `GET /settings/users/2026-03/{userId}` (scope
  // `settings.users.read`) takes the same user id as the UI extension's `context.user.id` and the
  // owners' `userId`, answers `{ id, email, superAdmin, primaryTeamId, secondaryTeamIds, roleIds }`,
  // and answers 404 for an id that is not a user of the portal.
  user: (userId: string) => `/settings/users/2026-03/${encodeURIComponent(userId)}`,
  pipelines: (objectType: string) => `/crm/v3/pipelines/${encodeURIComponent(objectType)}`,
  // ASSUMPTION (unverified): the portal's currencies come from the account currencies API (optional
  // scope `multi-currency-read`): `company-currency` answers `{ currencyCode }`, `exchange-rates/current`
  // answers `{ results: [{ fromCurrencyCode, toCurrencyCode, … }] }` for each other currency in use.
  companyCurrency: () => '/settings/v3/currencies/company-currency',
  exchangeRates: () => '/settings/v3/currencies/exchange-rates/current',
} as const;

/** Names a path for the call counter: ids replaced so that counts group by endpoint. */
export function endpointKey(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const normalised = bare
    .replace(/\/\d+(?=\/|$)/g, '/{id}')
    .replace(/\/(2-\d+|p\d+_[a-z0-9_]+)(?=\/|$)/g, '/{customType}');
  return `${method.toUpperCase()} ${normalised}`;
}

/** Limits HubSpot documents (docs/hubspot-facts.md §6). */
export const LIMITS = {
  batchInputs: 100,
  listPage: 100,
  searchPage: 200,
  searchResultCap: 10_000,
} as const;

// ASSUMPTION (unverified): HubSpot documents about 5 search requests per second per account; that the
// window is a *rolling* 1,000 ms (rather than fixed clock seconds) is not verified. A rolling window is
// the stricter reading: a limiter that never admits a 6th search within any 1,000 ms satisfies both.
/** HubSpot's search rate limit, the one place the gateway's search throttle takes it from. */
export const SEARCH_RATE_LIMIT = { requests: 5, windowMs: 1_000 } as const;

/**
 * HubSpot's general limit for a private app: 100 (Free/Starter) or 190 (Pro/Enterprise) requests per
 * rolling 10 s; search is exempt from it. The gateway starts from the lower figure and takes the portal's
 * own from the `X-HubSpot-RateLimit-Max` header of the first answer.
 */
export const GENERAL_RATE_LIMIT = { requests: 100, windowMs: 10_000 } as const;
