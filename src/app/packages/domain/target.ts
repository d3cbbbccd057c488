/** One HubSpot goal target record (one time slice), parsed into typed values. Never throws. */
import { parseInstant } from './instant';
import { type Cents, parseMoney } from './money';
import { PROP, parsePipelineIds } from './properties';

/** What the gateway hands over: HubSpot's record id and its string property bag. */
export type RawGoalTarget = {
  id: string;
  properties: Record<string, string | null | undefined>;
  /** The record's `updatedAt`, used when `hs_lastmodifieddate` is absent. */
  updatedAt?: string;
};

export type AssigneeKind = 'owner' | 'team';
/** An owner (`hubspot_owner_id`) or a team (`hs_assignee_team_id`). */
export type Assignee = { kind: AssigneeKind; id: string };

export type ParseProblem = {
  property: string;
  code: 'missing' | 'invalid';
  /** Plain words: what is wrong with the value. */
  message: string;
  /** The value as HubSpot holds it (null when absent). */
  raw: string | null;
};

export type GoalTarget = {
  id: string;
  /** `hs_group_correlation_uuid`; null when blank. */
  uuid: string | null;
  /** `hs_goal_target_group_id`; null when blank. */
  groupId: string | null;
  /** `hs_goal_name`; '' when blank. */
  name: string;
  /** `hs_goal_type`; '' when blank. */
  goalType: string;
  /** `hs_milestone` as stored (trimmed); see `asMilestone`. */
  milestone: string;
  /** `hs_pipeline_ids` split into ids. */
  pipelineIds: string[];
  /** `hs_pipeline_ids` as stored ('' when blank): family agreement compares this exact value. */
  pipelineIdsRaw: string;
  startMs: number | null;
  endMs: number | null;
  /** `hs_target_amount` in cents; null when absent or not a number. */
  targetCents: Cents | null;
  /** `hs_kpi_value` in cents; null when absent or not a number. */
  kpiCents: Cents | null;
  /** The owner when set, else the team; null when neither is set. */
  assignee: Assignee | null;
  /** Both `hubspot_owner_id` and `hs_assignee_team_id` are set (a health error). */
  bothAssignees: boolean;
  ownerId: string | null;
  teamId: string | null;
  /** `hs_lastmodifieddate` (or `updatedAt`); null when unknown. */
  lastModifiedMs: number | null;
  createdMs: number | null;
  /** The property bag exactly as received: plans take `before` values from here. */
  properties: Record<string, string | null | undefined>;
  problems: ParseProblem[];
};

const text = (raw: string | null | undefined): string | null => {
  if (raw === null || raw === undefined) return null;
  const t = raw.trim();
  return t === '' ? null : t;
};

export function parseTarget(raw: RawGoalTarget): GoalTarget {
  const p = raw.properties ?? {};
  const problems: ParseProblem[] = [];

  const uuid = text(p[PROP.uuid]);
  if (uuid === null) missing(problems, PROP.uuid);
  const groupId = text(p[PROP.groupId]);
  if (groupId === null) missing(problems, PROP.groupId);
  const name = text(p[PROP.name]) ?? '';
  if (name === '') missing(problems, PROP.name);
  const milestone = text(p[PROP.milestone]) ?? '';
  if (milestone === '') missing(problems, PROP.milestone);

  const startMs = instantOrNull(p, PROP.start, problems, true);
  const endMs = instantOrNull(p, PROP.end, problems, true);
  if (startMs !== null && endMs !== null && endMs <= startMs) {
    problems.push({
      property: PROP.end,
      code: 'invalid',
      message: `${PROP.end} is not after ${PROP.start}`,
      raw: p[PROP.end] ?? null,
    });
  }

  const targetCents = moneyOrNull(p, PROP.targetAmount, problems, true);
  const kpiCents = moneyOrNull(p, PROP.kpiValue, problems, false);

  const ownerId = text(p[PROP.ownerId]);
  const teamId = text(p[PROP.teamId]);
  const assignee: Assignee | null =
    ownerId !== null ? { kind: 'owner', id: ownerId } : teamId !== null ? { kind: 'team', id: teamId } : null;

  const lastModifiedMs =
    instantOrNull(p, PROP.lastModified, problems, false) ??
    instantOrNull({ updatedAt: raw.updatedAt }, 'updatedAt', problems, false);

  return {
    id: String(raw.id),
    uuid,
    groupId,
    name,
    goalType: text(p[PROP.goalType]) ?? '',
    milestone,
    pipelineIds: parsePipelineIds(p[PROP.pipelineIds]),
    pipelineIdsRaw: (p[PROP.pipelineIds] ?? '').trim(),
    startMs,
    endMs,
    targetCents,
    kpiCents,
    assignee,
    bothAssignees: ownerId !== null && teamId !== null,
    ownerId,
    teamId,
    lastModifiedMs,
    createdMs: instantOrNull(p, PROP.createdAt, problems, false),
    properties: p,
    problems,
  };
}

function instantOrNull(
  p: Record<string, string | null | undefined>,
  property: string,
  problems: ParseProblem[],
  required: boolean,
): number | null {
  const raw = p[property];
  if (raw === null || raw === undefined || raw.trim() === '') {
    if (required) problems.push({ property, code: 'missing', message: `${property} is not set`, raw: null });
    return null;
  }
  const ms = parseInstant(raw);
  if (ms === null) {
    problems.push({
      property,
      code: 'invalid',
      message: `${property} is not a date and time: "${raw}"`,
      raw,
    });
  }
  return ms;
}

function missing(problems: ParseProblem[], property: string): void {
  problems.push({ property, code: 'missing', message: `${property} is not set`, raw: null });
}

function moneyOrNull(
  p: Record<string, string | null | undefined>,
  property: string,
  problems: ParseProblem[],
  required: boolean,
): Cents | null {
  const raw = text(p[property]);
  if (raw === null) {
    if (required) problems.push({ property, code: 'missing', message: `${property} is not set`, raw: null });
    return null;
  }
  const cents = parseMoney(raw);
  if (cents === null) {
    problems.push({ property, code: 'invalid', message: `${property} is not an amount: "${raw}"`, raw });
  }
  return cents;
}

/** Label for a slice in previews: "#123 (2026-01)" style kept simple and stable. */
export function sliceLabel(target: GoalTarget): string {
  const start = target.startMs === null ? 'no start' : new Date(target.startMs).toISOString().slice(0, 10);
  return `${target.name || 'unnamed'} · ${start} · #${target.id}`;
}
