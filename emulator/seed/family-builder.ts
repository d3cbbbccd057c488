import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { between, centsToDecimal, seededRandom, uuidFor } from './deterministic.js';
import { ownerIdOf, teamIdOf, userIdOf } from './people.js';
import { HUBSPOT_MILESTONE, type Milestone, type Period, periodsOfYear } from './periods.js';
import type { SeedRecord } from './types.js';

dayjs.extend(utc);

export type Assignee = { kind: 'user'; ownerIndex: number } | { kind: 'team'; teamIndex: number };

export interface FamilySpec {
  /** Stable name the uuid is derived from. */
  key: string;
  name: string;
  year: number;
  milestone: Milestone;
  goalType: string;
  pipelineIds?: string;
  assignees: Assignee[];
  /** Per-slice target range; money in cents, counts as whole numbers. */
  amount: { low: number; high: number; unit: 'money' | 'count' };
}

export interface BuiltFamily {
  uuid: string;
  /** Records in slice order per target group. */
  records: SeedRecord[];
  groupIds: string[];
}

/** The day progress (`hs_kpi_value`) is measured at: periods before it are complete, later ones zero. */
export const SEED_AS_OF = '2026-11-15T00:00:00.000Z';

const asOfMs = dayjs.utc(SEED_AS_OF).valueOf();

function formatAmount(value: number, unit: 'money' | 'count'): string {
  return unit === 'money' ? centsToDecimal(value) : String(value);
}

/** Progress for one slice: a plausible share of the target for past periods, pro rata for the current. */
function progressFor(target: number, period: Period, random: () => number, unit: 'money' | 'count'): number {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  if (start > asOfMs) return 0;
  const percent = between(random, 55, 135);
  const elapsedPerMille = end <= asOfMs ? 1000 : Math.floor(((asOfMs - start) * 1000) / (end - start + 1));
  const value = Math.floor((target * percent * elapsedPerMille) / 100_000);
  return unit === 'money' ? value - (value % 100) : value;
}

/** Hands out record and group ids in order, so the same build always yields the same ids. */
export class FamilyWriter {
  private nextTargetId: number;
  private nextGroupId: number;
  private writes = 0;

  constructor(
    firstTargetId: number,
    firstGroupId: number,
    private readonly createdByUserId: string,
  ) {
    this.nextTargetId = firstTargetId;
    this.nextGroupId = firstGroupId;
  }

  newGroupId(): string {
    return String(this.nextGroupId++);
  }

  /** One slice record with the family-defining properties; tweak its properties afterwards if needed. */
  slice(
    spec: FamilySpec,
    uuid: string,
    groupId: string,
    assignee: Assignee,
    period: Period,
    target: number,
    progress: number,
  ): SeedRecord {
    // Created on 1 November of the year before, one second apart (plain Date arithmetic: this runs 100,000 times).
    const createdAt = new Date(Date.UTC(spec.year - 1, 10, 1, 9) + 1_000 * this.writes++).toISOString();
    const assigneeProperties: Record<string, string> =
      assignee.kind === 'user'
        ? {
            hubspot_owner_id: ownerIdOf(assignee.ownerIndex),
            hs_assignee_user_id: String(userIdOf(assignee.ownerIndex)),
          }
        : { hs_assignee_team_id: teamIdOf(assignee.teamIndex) };
    return {
      id: String(this.nextTargetId++),
      createdAt,
      updatedAt: createdAt,
      properties: {
        hs_goal_name: spec.name,
        hs_goal_type: spec.goalType,
        hs_milestone: HUBSPOT_MILESTONE[spec.milestone],
        hs_group_correlation_uuid: uuid,
        hs_goal_target_group_id: groupId,
        hs_start_datetime: period.start,
        hs_end_datetime: period.end,
        hs_target_amount: formatAmount(target, spec.amount.unit),
        hs_kpi_value: formatAmount(progress, spec.amount.unit),
        ...(spec.pipelineIds ? { hs_pipeline_ids: spec.pipelineIds } : {}),
        ...assigneeProperties,
        hs_created_by_user_id: this.createdByUserId,
      },
    };
  }

  /** A healthy family: one target group per assignee, one slice per period of the year. */
  build(spec: FamilySpec): BuiltFamily {
    const uuid = uuidFor(spec.key);
    const random = seededRandom(spec.key);
    const periods = periodsOfYear(spec.year, spec.milestone);
    const records: SeedRecord[] = [];
    const groupIds: string[] = [];
    for (const assignee of spec.assignees) {
      const groupId = this.newGroupId();
      groupIds.push(groupId);
      const step = spec.amount.unit === 'money' ? 50_000 : 1;
      for (const period of periods) {
        const target = between(random, spec.amount.low / step, spec.amount.high / step) * step;
        const progress = progressFor(target, period, random, spec.amount.unit);
        records.push(this.slice(spec, uuid, groupId, assignee, period, target, progress));
      }
    }
    return { uuid, records, groupIds };
  }
}
