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
import type { CrmRecord, GoalTargetsGateway } from '../ports';

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
  const { found: fresh } = ids.length > 0 ? await gateway.readByIds(ids) : { found: [] };
  // A slice moved out of the family since search indexed it is not part of it any more.
  const records = fresh.filter((r) => r.properties.hs_group_correlation_uuid === uuid);
  return fromRecords(uuid, records);
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
