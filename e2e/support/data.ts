/** Reading the emulator's goal targets for assertions. */
import type { Workbench } from '@goal-families/workbench';

export type TargetState = Record<string, { archived: boolean; properties: Record<string, string> }>;

/** Every goal target (archived too) by id: compare two of these to see exactly what changed. */
export function goalTargetState(wb: Workbench): TargetState {
  const out: TargetState = {};
  for (const r of wb.emulator.store.listObjects('goal_targets', { includeArchived: true })) {
    out[r.id] = { archived: r.archived, properties: { ...r.properties } };
  }
  return out;
}

/** Properties HubSpot maintains itself; they change on any write and say nothing about the edit. */
const SYSTEM = new Set([
  'hs_lastmodifieddate',
  'hs_updated_by_user_id',
  'hs_object_source',
  'hs_object_source_id',
]);

/** Ids whose data differ between two states (system timestamps ignored), with the changed keys. */
export function changedTargets(before: TargetState, after: TargetState): Record<string, string[]> {
  const changes: Record<string, string[]> = {};
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[id];
    const b = after[id];
    if (!a || !b) {
      changes[id] = [a ? 'removed' : 'created'];
      continue;
    }
    const keys = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
    const diff = [...keys].filter((k) => !SYSTEM.has(k) && a.properties[k] !== b.properties[k]);
    if (a.archived !== b.archived) diff.push('archived');
    if (diff.length > 0) changes[id] = diff.sort();
  }
  return changes;
}

/** Family uuids and names the owner has slices in (live slices only). */
export function familiesOfOwner(wb: Workbench, ownerId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of wb.emulator.store.listObjects('goal_targets')) {
    if (r.properties.hubspot_owner_id === ownerId && r.properties.hs_group_correlation_uuid) {
      out.set(r.properties.hs_group_correlation_uuid, r.properties.hs_goal_name ?? '');
    }
  }
  return out;
}

/** Per family, the owner's slice running at `nowMs` (start ≤ now ≤ end), with its target. */
export function currentSlicesOfOwner(
  wb: Workbench,
  ownerId: string,
  nowMs: number,
): Map<string, { id: string; target: string; goalType: string }> {
  const out = new Map<string, { id: string; target: string; goalType: string }>();
  for (const r of wb.emulator.store.listObjects('goal_targets')) {
    const p = r.properties;
    if (p.hubspot_owner_id !== ownerId || !p.hs_group_correlation_uuid) continue;
    const start = Date.parse(p.hs_start_datetime ?? '');
    const end = Date.parse(p.hs_end_datetime ?? '');
    if (start <= nowMs && nowMs <= end)
      out.set(p.hs_group_correlation_uuid, {
        id: r.id,
        target: p.hs_target_amount ?? '',
        goalType: p.hs_goal_type ?? '',
      });
  }
  return out;
}
