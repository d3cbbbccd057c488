import { HubSpotHttpError, validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, json } from '../http/types.js';
import { bodyObject, type CrmContext, resolveObjectType } from './context.js';
import {
  defineProperty,
  type PropertyDefinition,
  type PropertySpec,
  type PropertyType,
} from './property-types.js';

const PROPERTY_TYPES: PropertyType[] = [
  'string',
  'number',
  'datetime',
  'date',
  'enumeration',
  'bool',
  'phone_number',
];
const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

/** `GET /crm/v3/properties/{objectType}`. */
export function listProperties(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  return json(200, { results: [...type.properties.values()] });
}

export function getProperty(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const definition = type.properties.get(request.params.propertyName ?? '');
  if (!definition) {
    throw new HubSpotHttpError(
      404,
      'OBJECT_NOT_FOUND',
      `Unable to find property ${request.params.propertyName}`,
    );
  }
  return json(200, definition);
}

/** Read a property definition as the properties and schemas APIs accept it. */
export function readPropertySpec(input: unknown, at: string, displayOrder: number): PropertyDefinition {
  const body = bodyObject(input);
  const name = String(body.name ?? '');
  if (!PROPERTY_NAME.test(name)) throw validationError(`Invalid property name: ${JSON.stringify(name)}`);
  const type = String(body.type ?? '') as PropertyType;
  if (!PROPERTY_TYPES.includes(type))
    throw validationError(`Invalid property type for ${name}: ${body.type}`);
  const options = Array.isArray(body.options)
    ? body.options.map((option: { value?: unknown; label?: unknown }) => ({
        value: String(option.value ?? ''),
        label: String(option.label ?? option.value ?? ''),
      }))
    : undefined;
  const spec: PropertySpec = {
    name,
    label: String(body.label ?? name),
    type,
    fieldType: typeof body.fieldType === 'string' ? body.fieldType : undefined,
    description: typeof body.description === 'string' ? body.description : '',
    groupName: typeof body.groupName === 'string' ? body.groupName : undefined,
    options,
    hasUniqueValue: body.hasUniqueValue === true,
    hubspotDefined: false,
  };
  return defineProperty(spec, typeof body.displayOrder === 'number' ? body.displayOrder : displayOrder, at);
}

/** `POST /crm/v3/properties/{objectType}`: add a custom property (409 when the name is taken). */
export function createProperty(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const at = new Date(context.store.now()).toISOString();
  const definition = readPropertySpec(request.body, at, type.properties.size);
  if (type.properties.has(definition.name)) {
    throw new HubSpotHttpError(
      409,
      'OBJECT_ALREADY_EXISTS',
      `A property named '${definition.name}' already exists.`,
    );
  }
  context.store.addProperty(type, definition);
  return json(201, definition);
}
