import { HubSpotHttpError, validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, json, noContent } from '../http/types.js';
import type { StoredSchema } from '../store/store.js';
import { bodyObject, type CrmContext } from './context.js';
import { readPropertySpec } from './properties-api.js';

const OBJECT_NAME = /^[a-z][a-z0-9_]*$/i;

function schemaBody(context: CrmContext, schema: StoredSchema) {
  const type = context.store.resolveType(schema.objectTypeId);
  return { ...schema, properties: type ? [...type.properties.values()] : [] };
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw validationError(`${what} must be an array of property names`);
  }
  return value as string[];
}

/** `POST /crm/v3/schemas` (also `/crm-object-schemas/v3/schemas`, the SDK's path): a custom object. */
// ASSUMPTION (unverified): a second schema with the same name answers 409 OBJECT_ALREADY_EXISTS.
export function createSchema(context: CrmContext, request: ApiRequest): ApiResponse {
  const body = bodyObject(request.body);
  const name = String(body.name ?? '');
  if (!OBJECT_NAME.test(name)) throw validationError(`Invalid object name: ${JSON.stringify(name)}`);
  const taken = [...context.store.schemas.values()].some((s) => s.name.toLowerCase() === name.toLowerCase());
  if (
    taken ||
    context.store.resolveType(`p${context.store.portalId}_${name}`) ||
    context.store.resolveType(name)
  ) {
    throw new HubSpotHttpError(
      409,
      'OBJECT_ALREADY_EXISTS',
      `An object type named '${name}' already exists.`,
    );
  }
  const labels = bodyObject(body.labels ?? {});
  const at = new Date(context.store.now()).toISOString();
  if (!Array.isArray(body.properties)) throw validationError('properties must be an array');
  const properties = body.properties.map((input: unknown, index: number) =>
    readPropertySpec(input, at, index),
  );
  const names = new Set(properties.map((definition) => definition.name));
  const requiredProperties = stringList(body.requiredProperties, 'requiredProperties');
  const searchableProperties = stringList(body.searchableProperties, 'searchableProperties');
  const secondaryDisplayProperties = stringList(
    body.secondaryDisplayProperties,
    'secondaryDisplayProperties',
  );
  const primary = typeof body.primaryDisplayProperty === 'string' ? body.primaryDisplayProperty : undefined;
  for (const reference of [
    ...requiredProperties,
    ...searchableProperties,
    ...secondaryDisplayProperties,
    ...(primary ? [primary] : []),
  ]) {
    if (!names.has(reference))
      throw validationError(`Property ${reference} is named by the schema but not defined in properties`);
  }
  const schema = context.store.createCustomType(
    {
      name,
      labels: { singular: String(labels.singular ?? name), plural: String(labels.plural ?? name) },
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
      ...(primary ? { primaryDisplayProperty: primary } : {}),
      secondaryDisplayProperties,
      requiredProperties,
      searchableProperties,
      associations: [],
      createdAt: at,
      updatedAt: at,
      archived: false,
    },
    properties,
  );
  return json(201, schemaBody(context, schema));
}

export function listSchemas(context: CrmContext): ApiResponse {
  return json(200, {
    results: [...context.store.schemas.values()]
      .filter((schema) => !schema.archived)
      .map((schema) => schemaBody(context, schema)),
  });
}

/**
 * `DELETE /crm/v3/schemas/{objectType}`: only when no live record of it is left (400 otherwise); the
 * name stays taken until `?archived=true` purges the deleted schema.
 * ASSUMPTION (unverified): the error's category and message; archived records do not block a delete.
 */
export function deleteSchema(context: CrmContext, request: ApiRequest): ApiResponse {
  const segment = request.params.objectType ?? '';
  if (request.query.get('archived') === 'true') {
    const schema = [...context.store.schemas.values()].find(
      (s) =>
        s.archived && (s.objectTypeId === segment || s.fullyQualifiedName === segment || s.name === segment),
    );
    if (!schema)
      throw new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', `Unable to find deleted object type ${segment}`);
    context.store.purgeCustomType(schema.objectTypeId);
    return noContent();
  }
  const type = context.store.resolveType(segment);
  const schema = type ? context.store.schemas.get(type.objectTypeId) : undefined;
  if (!type || !schema)
    throw new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', `Unable to find object type ${segment}`);
  if (context.store.inIdOrder(type).some((record) => !record.archived)) {
    throw validationError(`Object type ${segment} still has records: archive them before deleting it`);
  }
  context.store.archiveCustomType(type.objectTypeId);
  return noContent();
}

export function getSchema(context: CrmContext, request: ApiRequest): ApiResponse {
  const segment = request.params.objectType ?? '';
  const type = context.store.resolveType(segment);
  const schema = type ? context.store.schemas.get(type.objectTypeId) : undefined;
  if (!schema) throw new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', `Unable to find object type ${segment}`);
  return json(200, schemaBody(context, schema));
}
