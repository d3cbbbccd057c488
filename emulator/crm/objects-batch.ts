import { validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, noContent } from '../http/types.js';
import type { ObjectType } from '../store/object-types.js';
import type { CrmRecord } from '../store/records.js';
import { type BatchError, batchError, batchResponse } from './batch-response.js';
import {
  bodyObject,
  type CrmContext,
  type InjectedAnswerChange,
  type InjectedBatchFailure,
  queryFlag,
  resolveObjectType,
} from './context.js';
import { findRecord } from './objects-basic.js';
import {
  checkProperties,
  missingRequired,
  type PropertyChanges,
  propertyValidationError,
} from './property-input.js';
import { archiveRecord, createRecord, updateRecord } from './record-writes.js';
import { type ApiObject, requestedProperties, toApiObject, toWrittenObject } from './serialise.js';
import { assertUniqueValues } from './unique-values.js';

export const BATCH_INPUT_LIMIT = 100;

interface BatchInput {
  id?: string;
  idProperty?: string;
  objectWriteTraceId?: string;
  properties?: unknown;
}

function readInputs(body: unknown): BatchInput[] {
  const inputs = bodyObject(body).inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: `inputs` must be an array');
  // ASSUMPTION (unverified): the wording; the limit of 100 inputs is documented.
  if (inputs.length > BATCH_INPUT_LIMIT) {
    throw validationError(
      `Batch input limit exceeded: ${inputs.length} inputs, at most ${BATCH_INPUT_LIMIT}`,
    );
  }
  return inputs.map((input, index) => {
    if (input === null || typeof input !== 'object')
      throw validationError(`inputs[${index}] must be an object`);
    const { id, idProperty, objectWriteTraceId, properties } = input as Record<string, unknown>;
    return {
      ...(id !== undefined ? { id: String(id) } : {}),
      ...(typeof idProperty === 'string' ? { idProperty } : {}),
      ...(typeof objectWriteTraceId === 'string' ? { objectWriteTraceId } : {}),
      properties,
    };
  });
}

function rejectDuplicateIds(inputs: BatchInput[]): void {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input.id === undefined) continue;
    if (seen.has(input.id)) throw validationError(`Duplicate IDs found in batch input: [${input.id}]`);
    seen.add(input.id);
  }
}

function injectedFailure(failure: InjectedBatchFailure | undefined, index: number, id?: string): boolean {
  return (
    failure !== undefined && (failure.failIndexes.has(index) || (id !== undefined && failure.failIds.has(id)))
  );
}

function injectedError(failure: InjectedBatchFailure, context: Record<string, string[]>): BatchError {
  return batchError(failure.category, failure.message, context);
}

const changesInput = (change: InjectedAnswerChange | undefined, index: number) =>
  change !== undefined && (change.indexes === null || change.indexes.has(index));

/** What a record keeps under an injected answer change with `stored` (the property set, or not written). */
function storedChanges(
  change: InjectedAnswerChange | undefined,
  index: number,
  changes: PropertyChanges,
): PropertyChanges {
  if (!change?.stored || !changesInput(change, index)) return changes;
  const { [change.property]: _sent, ...rest } = changes;
  return change.value === undefined ? rest : { ...rest, [change.property]: change.value };
}

/** The answer for one written input under an injected answer change (the property shown otherwise, or left out). */
function answered(change: InjectedAnswerChange | undefined, index: number, object: ApiObject): ApiObject {
  if (!change || !changesInput(change, index)) return object;
  const { [change.property]: _shown, ...rest } = object.properties;
  return {
    ...object,
    properties: change.value === undefined ? rest : { ...rest, [change.property]: change.value },
  };
}

function traceContext(input: BatchInput): Record<string, string[]> {
  return input.objectWriteTraceId !== undefined ? { objectWriteTraceId: [input.objectWriteTraceId] } : {};
}

export function batchRead(context: CrmContext, request: ApiRequest): ApiResponse {
  const startedAt = new Date();
  const type = resolveObjectType(context, request);
  const body = bodyObject(request.body);
  const inputs = readInputs(body);
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  const archived = queryFlag(request.query, 'archived');
  const requested = requestedProperties(body.properties);
  const failure = context.takeBatchFailure('batch/read');
  const results: unknown[] = [];
  const missing: string[] = [];
  const errors: BatchError[] = [];
  inputs.forEach((input, index) => {
    const id = input.id ?? '';
    if (failure && injectedFailure(failure, index, id)) {
      errors.push(injectedError(failure, { ids: [id] }));
      return;
    }
    const record = findRecord(context, type, id, idProperty);
    if (!record || record.archived !== archived) missing.push(id);
    else results.push(toApiObject(type, record, requested));
  });
  if (missing.length > 0) {
    errors.push(
      batchError(
        'OBJECT_NOT_FOUND',
        `Could not get some ${type.name} objects, they may be deleted or not exist. Check that ids are valid.`,
        { ids: missing },
      ),
    );
  }
  return batchResponse(200, results, errors, startedAt);
}

/**
 * Batch create. Property problems reject the whole call unless every input carries a unique
 * `objectWriteTraceId`; then the good inputs are created and the bad ones reported per input (207).
 */
// ASSUMPTION (unverified): the all-or-nothing rule for batch create inputs without trace ids.
export function batchCreate(context: CrmContext, request: ApiRequest): ApiResponse {
  const startedAt = new Date();
  const type = resolveObjectType(context, request);
  const inputs = readInputs(request.body);
  const traceIds = inputs.map((input) => input.objectWriteTraceId);
  const traceable = traceIds.every((id) => id !== undefined) && new Set(traceIds).size === inputs.length;
  const failure = context.takeBatchFailure('batch/create');
  const change = context.takeAnswerChange?.('batch/create');
  const errors: BatchError[] = [];
  const accepted: Array<{ input: BatchInput; changes: PropertyChanges; index: number }> = [];
  inputs.forEach((input, index) => {
    const checked = checkProperties(type, input.properties ?? {}, context.store);
    const problems = checked.ok ? missingRequired(type, checked.changes) : checked.errors;
    if (problems.length > 0 || !checked.ok) {
      if (!traceable) throw propertyValidationError(problems);
      errors.push(
        batchError(
          'VALIDATION_ERROR',
          propertyValidationError(problems).message,
          traceContext(input),
          problems,
        ),
      );
      return;
    }
    if (failure && injectedFailure(failure, index)) {
      errors.push(injectedError(failure, traceContext(input)));
      return;
    }
    accepted.push({ input, changes: storedChanges(change, index, checked.changes), index });
  });
  assertUniqueValues(context.store, type, accepted);
  const results = context.store.transaction(() => {
    const at = context.store.writeTime();
    return accepted.map(({ input, changes, index }) =>
      answered(
        change,
        index,
        toWrittenObject(createRecord(context.store, type, changes, at), input.objectWriteTraceId),
      ),
    );
  });
  return batchResponse(201, results, errors, startedAt);
}

/** Batch update: property problems reject the whole call; unknown ids are reported in a 207. */
// ASSUMPTION (unverified): invalid properties in any input reject the whole batch update (400).
export function batchUpdate(context: CrmContext, request: ApiRequest): ApiResponse {
  const startedAt = new Date();
  const type = resolveObjectType(context, request);
  const inputs = readInputs(request.body);
  rejectDuplicateIds(inputs);
  const checkedInputs = inputs.map((input) => {
    const checked = checkProperties(type, input.properties ?? {}, context.store);
    if (!checked.ok) throw propertyValidationError(checked.errors);
    return { input, changes: checked.changes };
  });
  const failure = context.takeBatchFailure('batch/update');
  const change = context.takeAnswerChange?.('batch/update');
  const errors: BatchError[] = [];
  const missing: string[] = [];
  const toApply: Array<{ record: CrmRecord; input: BatchInput; changes: PropertyChanges; index: number }> =
    [];
  checkedInputs.forEach(({ input, changes }, index) => {
    const id = input.id ?? '';
    if (failure && injectedFailure(failure, index, id)) {
      errors.push(injectedError(failure, { ids: [id], ...traceContext(input) }));
      return;
    }
    const record = findRecord(context, type, id, input.idProperty);
    if (!record || record.archived) {
      missing.push(id);
      return;
    }
    toApply.push({ record, input, changes: storedChanges(change, index, changes), index });
  });
  assertUniqueValues(
    context.store,
    type,
    toApply.map(({ record, changes }) => ({ changes, id: record.id })),
  );
  if (missing.length > 0) {
    errors.push(
      batchError('OBJECT_NOT_FOUND', `Could not update some ${type.name} objects: not found`, {
        ids: missing,
      }),
    );
  }
  const results = context.store.transaction(() => {
    const at = context.store.writeTime();
    return toApply.map(({ record, input, changes, index }) =>
      answered(
        change,
        index,
        toWrittenObject(updateRecord(context.store, type, record, changes, at), input.objectWriteTraceId),
      ),
    );
  });
  return batchResponse(200, results, errors, startedAt);
}

/**
 * Batch upsert by `idProperty` (a unique property): update the record holding that value, else create
 * one with it. Without `idProperty` the id is a record id and only updates are possible.
 */
export function batchUpsert(context: CrmContext, request: ApiRequest): ApiResponse {
  const startedAt = new Date();
  const type = resolveObjectType(context, request);
  const inputs = readInputs(request.body);
  rejectDuplicateIds(inputs);
  const checkedInputs = inputs.map((input) => {
    const checked = checkProperties(type, input.properties ?? {}, context.store);
    if (!checked.ok) throw propertyValidationError(checked.errors);
    return { input, changes: checked.changes };
  });
  // Check every idProperty before writing anything: a throw inside the write loop would leave memory ahead of SQLite.
  for (const input of inputs) {
    if (input.idProperty !== undefined && input.idProperty !== 'hs_object_id') {
      if (!type.properties.get(input.idProperty)?.hasUniqueValue) {
        throw validationError(`${input.idProperty} is not a unique property of ${type.name}`);
      }
    }
  }
  const failure = context.takeBatchFailure('batch/upsert');
  const errors: BatchError[] = [];
  const results = context.store.transaction(() => {
    const at = context.store.writeTime();
    const written: unknown[] = [];
    checkedInputs.forEach(({ input, changes }, index) => {
      const id = input.id ?? '';
      if (failure && injectedFailure(failure, index, id)) {
        errors.push(injectedError(failure, { ids: [id], ...traceContext(input) }));
        return;
      }
      const byUniqueProperty = input.idProperty !== undefined && input.idProperty !== 'hs_object_id';
      const record = findRecord(context, type, id, input.idProperty);
      if (record && !record.archived) {
        written.push({
          ...toWrittenObject(
            updateRecord(context.store, type, record, changes, at),
            input.objectWriteTraceId,
          ),
          new: false,
        });
      } else if (byUniqueProperty && input.idProperty !== undefined) {
        const created = createRecord(context.store, type, { ...changes, [input.idProperty]: id }, at);
        written.push({ ...toWrittenObject(created, input.objectWriteTraceId), new: true });
      } else {
        errors.push(
          batchError('OBJECT_NOT_FOUND', `Could not upsert ${type.name} ${id}: not found`, { ids: [id] }),
        );
      }
    });
    return written;
  });
  return batchResponse(200, results, errors, startedAt);
}

/** Batch archive: idempotent 204; unknown ids are ignored. Injected failures answer 207. */
// ASSUMPTION (unverified): an injected partial failure of batch archive is reported as a 207 body,
// which HubSpot's spec does not list for this path.
export function batchArchive(context: CrmContext, request: ApiRequest): ApiResponse {
  const startedAt = new Date();
  const type: ObjectType = resolveObjectType(context, request);
  const inputs = readInputs(request.body);
  const failure = context.takeBatchFailure('batch/archive');
  const errors: BatchError[] = [];
  context.store.transaction(() => {
    const at = context.store.writeTime();
    inputs.forEach((input, index) => {
      const id = input.id ?? '';
      if (failure && injectedFailure(failure, index, id)) {
        errors.push(injectedError(failure, { ids: [id] }));
        return;
      }
      const record = context.store.recordsOf(type).get(id);
      if (record) archiveRecord(context.store, type, record, at);
    });
  });
  return errors.length > 0 ? batchResponse(204, [], errors, startedAt) : noContent();
}
