import { HubSpotHttpError, validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, json } from '../http/types.js';
import type { CrmContext } from './context.js';

export const OWNERS_LIMIT_MAX = 500;

/** `GET /crm/v3/owners`: paged by position; `email` filters; `archived=true` lists archived owners. */
export function listOwners(context: CrmContext, request: ApiRequest): ApiResponse {
  const limitText = request.query.get('limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > OWNERS_LIMIT_MAX) {
    throw validationError(`limit must be an integer between 1 and ${OWNERS_LIMIT_MAX}`);
  }
  const afterText = request.query.get('after') ?? '0';
  if (!/^\d+$/.test(afterText)) throw validationError(`Invalid paging cursor: ${afterText}`);
  const offset = Number(afterText);
  const email = request.query.get('email')?.toLowerCase();
  const archived = request.query.get('archived') === 'true';
  const owners = context.store.owners.filter(
    (owner) => owner.archived === archived && (email === undefined || owner.email.toLowerCase() === email),
  );
  const page = owners.slice(offset, offset + limit);
  const next = offset + limit;
  return json(200, {
    results: page,
    ...(next < owners.length ? { paging: { next: { after: String(next), link: `?after=${next}` } } } : {}),
  });
}

/** `GET /crm/v3/owners/{ownerId}` (`idProperty=userid` looks the owner up by user id). */
export function getOwner(context: CrmContext, request: ApiRequest): ApiResponse {
  const id = request.params.ownerId ?? '';
  const byUserId = request.query.get('idProperty') === 'userid';
  const owner = context.store.owners.find((candidate) =>
    byUserId ? String(candidate.userId) === id : candidate.id === id,
  );
  if (!owner)
    throw new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', `No owner with id ${id}`, { context: { id: [id] } });
  return json(200, owner);
}

/**
 * `GET /settings/users/2026-03/{userId}` (and `/settings/v3/users/{userId}`): one user with
 * `superAdmin`, `primaryTeamId`, `secondaryTeamIds`, `roleIds`; `idProperty=EMAIL` looks up by email.
 */
// ASSUMPTION (unverified): an id that is not a user of the portal answers 404 with category
// OBJECT_NOT_FOUND; the message's wording is the emulator's.
export function getUser(context: CrmContext, request: ApiRequest): ApiResponse {
  const id = request.params.userId ?? '';
  const byEmail = (request.query.get('idProperty') ?? 'USER_ID').toUpperCase() === 'EMAIL';
  const user = context.store.users.find((candidate) =>
    byEmail ? candidate.email.toLowerCase() === id.toLowerCase() : candidate.id === id,
  );
  if (!user)
    throw new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', `No user with ${byEmail ? 'email' : 'id'} ${id}`);
  return json(200, user);
}

/** `GET /settings/users/2026-03`: users paged by position (`limit` ≤ 100, `after`). */
export function listUsers(context: CrmContext, request: ApiRequest): ApiResponse {
  const limitText = request.query.get('limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw validationError('limit must be an integer between 1 and 100');
  const afterText = request.query.get('after') ?? '0';
  if (!/^\d+$/.test(afterText)) throw validationError(`Invalid paging cursor: ${afterText}`);
  const offset = Number(afterText);
  const page = context.store.users.slice(offset, offset + limit);
  const next = offset + limit;
  return json(200, {
    results: page,
    ...(next < context.store.users.length
      ? { paging: { next: { after: String(next), link: `?after=${next}` } } }
      : {}),
  });
}

/** `GET /settings/v3/users/teams`. */
export function listTeams(context: CrmContext): ApiResponse {
  return json(200, { results: context.store.teams });
}

/** `GET /crm/v3/pipelines/{objectType}`. */
export function listPipelines(context: CrmContext, request: ApiRequest): ApiResponse {
  const pipelines = context.store.pipelines.get(pipelineKey(context, request.params.objectType ?? ''));
  return json(200, { results: pipelines ?? [] });
}

export function getPipeline(context: CrmContext, request: ApiRequest): ApiResponse {
  const pipelines = context.store.pipelines.get(pipelineKey(context, request.params.objectType ?? '')) ?? [];
  const pipeline = pipelines.find((candidate) => candidate.id === request.params.pipelineId);
  if (!pipeline) {
    throw new HubSpotHttpError(
      404,
      'OBJECT_NOT_FOUND',
      `Unable to find pipeline ${request.params.pipelineId}`,
    );
  }
  return json(200, pipeline);
}

function pipelineKey(context: CrmContext, segment: string): string {
  const type = context.store.resolveType(segment);
  if (!type) throw validationError(`Unable to infer object type from: ${segment}`);
  return type.name;
}

/** `GET /settings/v3/currencies/company-currency`. */
export function getCompanyCurrency(context: CrmContext): ApiResponse {
  return json(200, { currencyCode: context.store.currencies.company });
}

/** `GET /settings/v3/currencies/exchange-rates/current`: one current rate per other currency. */
export function listCurrentExchangeRates(context: CrmContext): ApiResponse {
  const { company, others } = context.store.currencies;
  return json(200, {
    results: others.map((code, i) => ({
      id: String(i + 1),
      fromCurrencyCode: code,
      toCurrencyCode: company,
      conversionRate: 1,
      effectiveAt: '2026-01-01T00:00:00.000Z',
      visibleInUI: true,
    })),
  });
}
