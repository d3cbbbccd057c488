import type { Route } from '../http/router.js';
import type { CrmContext } from './context.js';
import {
  getCompanyCurrency,
  getOwner,
  getPipeline,
  getUser,
  listCurrentExchangeRates,
  listOwners,
  listPipelines,
  listTeams,
  listUsers,
} from './lookups.js';
import { createObject, deleteObject, getObject, listObjects, patchObject } from './objects-basic.js';
import { batchArchive, batchCreate, batchRead, batchUpdate, batchUpsert } from './objects-batch.js';
import { createProperty, getProperty, listProperties } from './properties-api.js';
import { createSchema, getSchema, listSchemas } from './schemas-api.js';
import { searchObjects } from './search.js';

/** The v3 object path and its dated alias (HubSpot's 2026-03 API version): one place for both prefixes. */
export const OBJECT_PATH_PREFIXES = ['/crm/v3/objects', '/crm/objects/2026-03'] as const;
const SCHEMA_PATH_PREFIXES = ['/crm/v3/schemas', '/crm-object-schemas/v3/schemas'] as const;

const keepType = ['objectType'];

function objectRoutes(prefix: string): Route<CrmContext>[] {
  const base = `${prefix}/{objectType}`;
  const route = (
    method: string,
    template: string,
    handle: Route<CrmContext>['handle'],
    rateLimit: Route<CrmContext>['rateLimit'] = 'standard',
  ): Route<CrmContext> => ({ method, template, handle, rateLimit, literalParams: keepType });
  return [
    route('POST', `${base}/search`, searchObjects, 'search'),
    route('POST', `${base}/batch/read`, batchRead),
    route('POST', `${base}/batch/create`, batchCreate),
    route('POST', `${base}/batch/update`, batchUpdate),
    route('POST', `${base}/batch/upsert`, batchUpsert),
    route('POST', `${base}/batch/archive`, batchArchive),
    route('GET', base, listObjects),
    route('POST', base, createObject),
    route('GET', `${base}/{id}`, getObject),
    route('PATCH', `${base}/{id}`, patchObject),
    route('DELETE', `${base}/{id}`, deleteObject),
  ];
}

export function crmRoutes(): Route<CrmContext>[] {
  const standard = (
    method: string,
    template: string,
    handle: Route<CrmContext>['handle'],
    literalParams?: string[],
  ) => ({ method, template, handle, rateLimit: 'standard', literalParams }) satisfies Route<CrmContext>;
  return [
    ...OBJECT_PATH_PREFIXES.flatMap(objectRoutes),
    standard('GET', '/crm/v3/properties/{objectType}', listProperties, keepType),
    standard('POST', '/crm/v3/properties/{objectType}', createProperty, keepType),
    standard('GET', '/crm/v3/properties/{objectType}/{propertyName}', getProperty, keepType),
    standard('GET', '/crm/v3/owners', listOwners),
    standard('GET', '/crm/v3/owners/{ownerId}', getOwner),
    standard('GET', '/settings/v3/users/teams', listTeams),
    // After the teams path: `teams` is not a user id.
    standard('GET', '/settings/users/2026-03', listUsers),
    standard('GET', '/settings/users/2026-03/{userId}', getUser),
    standard('GET', '/settings/v3/users', listUsers),
    standard('GET', '/settings/v3/users/{userId}', getUser),
    standard('GET', '/settings/v3/currencies/company-currency', getCompanyCurrency),
    standard('GET', '/settings/v3/currencies/exchange-rates/current', listCurrentExchangeRates),
    standard('GET', '/crm/v3/pipelines/{objectType}', listPipelines, keepType),
    standard('GET', '/crm/v3/pipelines/{objectType}/{pipelineId}', getPipeline, keepType),
    ...SCHEMA_PATH_PREFIXES.flatMap((prefix) => [
      standard('GET', prefix, listSchemas),
      standard('POST', prefix, createSchema),
      standard('GET', `${prefix}/{objectType}`, getSchema, keepType),
    ]),
  ];
}
