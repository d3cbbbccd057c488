import { type Assignee, type FamilySpec, FamilyWriter } from './family-builder.js';
import {
  buildDealPipelines,
  buildOwners,
  buildTeams,
  buildUsers,
  type PeopleLayout,
  repIndexesOf,
  userIdOf,
} from './people.js';
import { type Milestone, sliceCount } from './periods.js';
import type { SeedData, SeedRecord } from './types.js';

export interface GeneratePortalOptions {
  /** Exactly this many goal_targets records. */
  targets: number;
  /** Owners (default 40) and teams (default 6). */
  owners?: number;
  teams?: number;
  /** Target groups per family, at most (default 8). */
  maxAssigneesPerFamily?: number;
  /** Fiscal years to spread families over (default [2026, 2027]). */
  years?: number[];
  portalId?: number;
}

const MILESTONE_CYCLE: Milestone[] = [
  'monthly',
  'monthly',
  'monthly',
  'quarterly',
  'monthly',
  'quarterly',
  'annual',
];

/**
 * A large, healthy, deterministic portal for benchmarks: families of monthly, quarterly and annual
 * targets for users and teams until exactly `targets` records exist.
 */
export function generatePortal(options: GeneratePortalOptions): SeedData {
  const teamCount = options.teams ?? 6;
  const ownerCount = Math.max(options.owners ?? 40, teamCount + 1);
  const layout: PeopleLayout = {
    ownerCount,
    teamCount,
    repsPerTeam: Math.max(1, Math.floor((ownerCount - 1 - teamCount) / teamCount)),
  };
  const years = options.years ?? [2026, 2027];
  const maxAssignees = options.maxAssigneesPerFamily ?? 8;
  const writer = new FamilyWriter(20_000_000_001, 5_100_001, String(userIdOf(1)));
  const records: SeedRecord[] = [];
  let family = 0;
  while (records.length < options.targets) {
    const remaining = options.targets - records.length;
    const cycled = MILESTONE_CYCLE[family % MILESTONE_CYCLE.length] ?? 'monthly';
    const milestone: Milestone = sliceCount(cycled) <= remaining ? cycled : 'annual';
    const teamIndex = (family % teamCount) + 1;
    const forTeam = family % 5 === 4;
    const reps = repIndexesOf(layout, teamIndex);
    const wanted = Math.min(
      1 + (family % maxAssignees),
      reps.length,
      Math.floor(remaining / sliceCount(milestone)),
    );
    const assignees: Assignee[] = forTeam
      ? [{ kind: 'team', teamIndex }]
      : reps.slice(0, Math.max(1, wanted)).map((ownerIndex) => ({ kind: 'user', ownerIndex }));
    const year = years[family % years.length] ?? 2026;
    const spec: FamilySpec = {
      key: `generated/${family}`,
      name: `Generated goal ${family + 1} (${milestone})`,
      year,
      milestone,
      goalType: family % 3 === 2 ? 'meetings_booked' : 'sales_quota',
      pipelineIds: 'default',
      assignees,
      amount:
        family % 3 === 2
          ? { low: 5, high: 40, unit: 'count' }
          : { low: 500_000, high: 6_000_000, unit: 'money' },
    };
    records.push(...writer.build(spec).records.slice(0, remaining));
    family++;
  }
  return {
    portalId: options.portalId ?? 24_681_012,
    owners: buildOwners(layout),
    teams: buildTeams(layout),
    users: buildUsers(layout),
    pipelines: { deals: buildDealPipelines() },
    objects: { goal_targets: records },
    seededAt: '2026-11-15T00:00:00.000Z',
  };
}
