/**
 * Realistic HubSpot goal target data for tests (domain, use cases, emulator seeds). Pure builders:
 * ids come from the caller or a counter the caller owns.
 */
import { buildFamily, type Family } from '../grouping';
import { formatInstant } from '../instant';
import { defaultMilestoneValue, type Milestone } from '../milestones';
import { centsOf, formatMoney } from '../money';
import { buildSchedule, type EndStyle } from '../periods';
import { PROP } from '../properties';
import { spreadEven } from '../spread';
import { type GoalTarget, parseTarget, type RawGoalTarget } from '../target';

export const UUID_A = '3f2b1c9e-8d4a-4f6b-9c2e-1a2b3c4d5e6f';
export const UUID_B = '7c9d2e1f-0a3b-4c5d-8e6f-9a0b1c2d3e4f';

export type ScheduleFixture = {
  uuid?: string;
  groupId?: string;
  /** An owner id, or `team:<id>` for a team. */
  assignee?: string;
  name?: string;
  goalType?: string;
  milestone?: Milestone;
  /** The stored `hs_milestone` value; HubSpot's own spelling of `milestone` by default. */
  milestoneValue?: string;
  pipelineIds?: string;
  startDate?: string;
  count?: number;
  timeZone?: string;
  endStyle?: EndStyle;
  /** Total spread evenly over the periods, in cents. */
  totalCents?: number | bigint;
  /** First record id; the rest count up. */
  firstId?: number;
  modified?: string;
};

/** One assignee's schedule as HubSpot returns it: strings everywhere, ISO datetimes. */
export function rawSchedule(f: ScheduleFixture = {}): RawGoalTarget[] {
  const milestone = f.milestone ?? 'monthly';
  const count =
    f.count ??
    (milestone === 'monthly' ? 12 : milestone === 'quarterly' ? 4 : milestone === 'annual' ? 1 : 52);
  const periods = buildSchedule({
    milestone,
    startDate: f.startDate ?? '2026-01-01',
    count,
    timeZone: f.timeZone ?? 'UTC',
    endStyle: f.endStyle ?? 'inclusive',
  });
  const amounts = spreadEven(centsOf(f.totalCents ?? 12_000_000), count);
  const assignee = f.assignee ?? '101';
  const firstId = f.firstId ?? 9001;
  return periods.map((p, i) => ({
    id: String(firstId + i),
    properties: {
      [PROP.uuid]: f.uuid ?? UUID_A,
      [PROP.groupId]: f.groupId ?? '5001',
      [PROP.name]: f.name ?? 'Q1-Q4 New business',
      [PROP.goalType]: f.goalType ?? 'sales_quota',
      [PROP.milestone]: f.milestoneValue ?? defaultMilestoneValue(milestone),
      [PROP.pipelineIds]: f.pipelineIds ?? 'default',
      [PROP.start]: formatInstant(p.startMs),
      [PROP.end]: formatInstant(p.endMs),
      [PROP.targetAmount]: formatMoney(amounts[i] as bigint),
      [PROP.kpiValue]: '0',
      [PROP.ownerId]: assignee.startsWith('team:') ? null : assignee,
      [PROP.teamId]: assignee.startsWith('team:') ? assignee.slice(5) : null,
      [PROP.lastModified]: f.modified ?? '2026-01-05T10:00:00.000Z',
      [PROP.createdAt]: '2025-12-15T09:30:00.000Z',
      [PROP.objectId]: String(firstId + i),
    },
  }));
}

/** Parsed slices of one schedule. */
export const schedule = (f: ScheduleFixture = {}): GoalTarget[] => rawSchedule(f).map(parseTarget);

/** A family from raw targets, after optional edits of their properties. */
export function familyOf(raws: RawGoalTarget[], uuid = UUID_A): Family {
  return buildFamily(uuid, raws.map(parseTarget));
}

/** A copy of a raw target with some properties changed (null/undefined remove nothing: they set it). */
export function withProps(
  raw: RawGoalTarget,
  props: Record<string, string | null | undefined>,
): RawGoalTarget {
  return { ...raw, properties: { ...raw.properties, ...props } };
}
