/**
 * Safe-write step 1 (and 3): a family's slices as HubSpot holds them now. Search finds the ids (it may
 * lag a few seconds behind writes); a batch read by id then returns each record's current values,
 * so a version check never compares against a stale search index.
 */
import {
  buildFamily,
  type Family,
  familyVersion,
  parseTarget,
  type RawGoalTarget,
  READ_PROPERTIES,
} from '@goal-families/domain';
import type { CrmRecord, EdgeFailure, GoalTargetsGateway } from '../ports';

export type LoadedFamily = {
  uuid: string;
  records: CrmRecord[];
  family: Family | null;
  version: string;
};

export { READ_PROPERTIES };

/**
 * Reads by uuid, then by id. `knownIds` (e.g. slices this invocation just created) are read too, so
 * a function always sees its own writes even while search lags.
 */
export async function loadFamily(
  gateway: GoalTargetsGateway,
  uuid: string,
  knownIds: readonly string[] = [],
): Promise<LoadedFamily> {
  const found = await gateway.searchByUuid(uuid);
  const ids = [...new Set([...found.map((r) => r.id), ...knownIds])];
  const fresh = ids.length > 0 ? await readAll(gateway, ids) : [];
  // A slice moved out of the family since search indexed it is not part of it any more.
  const records = fresh.filter((r) => r.properties.hs_group_correlation_uuid === uuid);
  return fromRecords(uuid, records);
}

/**
 * Every id's current record (archived ones drop out). Ids HubSpot answers with an error are read once
 * more; if some still are not, the family cannot be known for sure and the read fails (nothing was
 * written yet).
 */
async function readAll(gateway: GoalTargetsGateway, ids: string[]): Promise<CrmRecord[]> {
  const first = await gateway.readByIds(ids);
  if (first.unreadable.length === 0) return first.found;
  const again = await gateway.readByIds(first.unreadable);
  if (again.unreadable.length > 0) throw unreadableFailure(again.unreadable.length);
  return [...first.found, ...again.found];
}

function unreadableFailure(count: number): EdgeFailure {
  const message = `HubSpot would not read ${count} of this goal's slices back, so the goal could not be read in full. Nothing was changed. Try again.`;
  return Object.assign(new Error(message), {
    appError: { code: 'HUBSPOT_ERROR' as const, message, details: { unreadable: count } },
    retryable: true,
    outcomeUnknown: false,
    deadline: false,
  });
}

export function fromRecords(uuid: string, records: CrmRecord[]): LoadedFamily {
  const targets = records.map((r) => parseTarget(r as RawGoalTarget));
  return {
    uuid,
    records,
    family: targets.length > 0 ? buildFamily(uuid, targets) : null,
    version: familyVersion(records),
  };
}
