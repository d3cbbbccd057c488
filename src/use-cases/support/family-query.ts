/** The goal list's filter as a search, and the matching families in name order. */
import type { Params } from '@goal-families/contract';
import { asMilestone, dateStartMs, type Milestone, milestoneValuesOf, PROP } from '@goal-families/domain';
import type { CrmRecord, TargetQuery } from '../ports';

const DAY_MS = 86_400_000;

/** The search a filter asks for (the name text is matched afterwards, case-insensitively). */
export function queryOf(f: Params<'goal_families_list'>['filter'], timeZone: string): TargetQuery {
  const query: TargetQuery = {};
  if (f.ownerId) query.ownerId = f.ownerId;
  if (f.teamId) query.teamId = f.teamId;
  if (f.goalType) query.goalType = f.goalType;
  // Every spelling HubSpot stores for the period kind ("annually" and "annual" are one kind).
  if (f.milestone) query.milestones = milestoneValuesOf(asMilestone(f.milestone) as Milestone);
  const fromMs = f.from ? dateStartMs(f.from, timeZone) : null;
  const toMs = f.to ? dateStartMs(f.to, timeZone) : null;
  if (fromMs !== null) query.fromMs = fromMs;
  if (toMs !== null) query.toMs = toMs + DAY_MS - 1;
  return query;
}

/** The families of `hits` whose name holds `text`, as uuids sorted by name (then uuid). */
export function familiesByName(hits: readonly CrmRecord[], text: string | undefined): string[] {
  const names = new Map<string, string>();
  for (const h of hits) {
    const uuid = h.properties[PROP.uuid];
    if (uuid && !names.has(uuid)) names.set(uuid, h.properties[PROP.name] ?? '');
  }
  const wanted = text?.trim().toLowerCase();
  return [...names.entries()]
    .filter(([, name]) => !wanted || name.toLowerCase().includes(wanted))
    .sort(([ua, a], [ub, b]) => a.localeCompare(b) || (ua < ub ? -1 : 1))
    .map(([uuid]) => uuid);
}
