/**
 * A plan (what a change would write) in the app's words: one summary line, notices with formatted
 * amounts, and one row per changed value naming the assignee and the period — never a record id or a
 * property name (docs/ui-words.md).
 */
import type { GroupDto, PlanDto, PlanNoticeDto, TargetRefDto } from '@goal-families/contract';
import type { Format } from './format';
import type { AssigneeLike, Names } from './names';

export interface GoalContext {
  name: string;
  goalType: string | null;
  milestone: string;
  timeZone: string;
  /** The goal's targets as the screen has them, to describe rows the server sent without a reference. */
  groups?: readonly GroupDto[] | undefined;
}

export interface TextContext {
  format: Format;
  names: Names;
  goal: GoalContext;
}

/** Property names → the words the UI uses for them. */
const FIELD: Record<string, string> = {
  hs_goal_name: 'Name',
  hs_target_amount: 'Target',
  hs_kpi_value: 'Progress',
  hs_pipeline_ids: 'Pipelines',
  hs_goal_type: 'Goal type',
  hs_milestone: 'Period length',
  hs_start_datetime: 'Start',
  hs_end_datetime: 'End',
  hubspot_owner_id: 'Assigned to',
  hs_assignee_team_id: 'Team',
  hubspot_team_id: 'Team',
  hs_goal_target_group_id: 'Linked with',
  hs_group_correlation_uuid: 'Goal',
};

/** Properties that are bookkeeping, not something the user changes (shown as notices instead). */
const HIDDEN = new Set(['hs_should_notify_on_edit_updates']);

const MONEY = new Set(['hs_target_amount', 'hs_kpi_value']);
const INSTANTS = new Set(['hs_start_datetime', 'hs_end_datetime']);

export interface ChangeRow {
  key: string;
  who: string;
  period: string;
  what: string;
  before: string;
  after: string;
}

function instantOf(value: string): string | null {
  if (/^\d{10,}$/.test(value)) return new Date(Number(value)).toISOString();
  return Number.isNaN(Date.parse(value)) ? null : value;
}

/** A property value as the user reads it; ids become names or a description. */
export function valueText(
  property: string,
  value: string | null,
  ctx: TextContext,
  goalType: string | null,
): string {
  const { format, names, goal } = ctx;
  if (value === null || value === '') return '—';
  if (MONEY.has(property)) return format.amount(value, { goalType });
  if (INSTANTS.has(property)) {
    const iso = instantOf(value);
    return iso === null ? 'not a date' : format.date(iso, goal.timeZone);
  }
  switch (property) {
    case 'hs_goal_name':
      return `“${value}”`;
    case 'hs_goal_type':
      return format.goalType(value);
    case 'hs_milestone':
      return format.milestone(value);
    case 'hs_pipeline_ids':
      return format.pipelineNames(value.split(';').filter((v) => v !== ''));
    case 'hubspot_owner_id':
      return names.owner(value);
    case 'hs_assignee_team_id':
    case 'hubspot_team_id':
      return names.team(value);
    case 'hs_goal_target_group_id':
      return 'the assignee’s other targets';
    case 'hs_group_correlation_uuid':
      return 'this goal';
    default:
      return 'another value';
  }
}

/** Finds a target the server described only by id in the goal the screen has loaded. */
function lookup(id: string, goal: GoalContext): TargetRefDto | null {
  for (const group of goal.groups ?? []) {
    const slice = group.slices?.find((s) => s.id === id);
    if (slice) return { id, assignee: group.assignee, start: slice.start, end: slice.end };
  }
  return null;
}

function describeTarget(ref: TargetRefDto | null | undefined, id: string, ctx: TextContext) {
  const found = ref ?? lookup(id, ctx.goal);
  if (!found) return { who: 'One target', period: '—' };
  return {
    who: ctx.names.assignee(found.assignee),
    period: ctx.format.period(found, ctx.goal.milestone, ctx.goal.timeZone),
  };
}

/** The goal type after the plan (a plan that changes it shows amounts in the new type's unit). */
function goalTypeAfter(plan: PlanDto, known: string | null): string | null {
  for (const u of plan.updates) {
    const change = u.changes.find((c) => c.property === 'hs_goal_type');
    if (change?.after) return change.after;
  }
  return known;
}

export function changeRows(plan: PlanDto, ctx: TextContext): ChangeRow[] {
  const goalType = goalTypeAfter(plan, ctx.goal.goalType);
  return plan.updates.flatMap((update) => {
    const { who, period } = describeTarget(update.target, update.id, ctx);
    return update.changes
      .filter((c) => !HIDDEN.has(c.property))
      .map((c) => ({
        key: `${update.id}:${c.property}`,
        who,
        period,
        what: FIELD[c.property] ?? 'Other value',
        before: valueText(c.property, c.before, ctx, ctx.goal.goalType),
        after: valueText(c.property, c.after, ctx, goalType),
      }));
  });
}

export interface TargetRow {
  key: string;
  who: string;
  period: string;
  amount: string;
}

export function createdRows(plan: PlanDto, ctx: TextContext): TargetRow[] {
  const goalType = plan.creates[0]?.properties.hs_goal_type ?? ctx.goal.goalType;
  const milestone = plan.creates[0]?.properties.hs_milestone ?? ctx.goal.milestone;
  return plan.creates.map((c) => ({
    key: `${c.assignee?.kind}:${c.assignee?.id}:${c.start}`,
    who: ctx.names.assignee(c.assignee as AssigneeLike | null),
    period: ctx.format.period(c, milestone, ctx.goal.timeZone),
    amount: valueText('hs_target_amount', c.properties.hs_target_amount ?? null, ctx, goalType),
  }));
}

export function archivedRows(plan: PlanDto, ctx: TextContext): Omit<TargetRow, 'amount'>[] {
  return plan.archives.map((a) => ({ key: a.id, ...describeTarget(a.target, a.id, ctx) }));
}

/** "6 people", "2 teams", "4 people and 1 team". */
export function peopleAndTeams(assignees: readonly (AssigneeLike | null)[], format: Format): string {
  const keys = new Set(assignees.filter((a) => a !== null).map((a) => `${a?.kind}:${a?.id}`));
  const teams = [...keys].filter((k) => k.startsWith('team:')).length;
  const people = keys.size - teams;
  const parts = [
    ...(people > 0 ? [format.count(people, 'person')] : []),
    ...(teams > 0 ? [format.count(teams, 'team')] : []),
  ];
  return parts.length === 0 ? 'no assignee' : parts.join(' and ');
}

function touchedAssignees(plan: PlanDto, ctx: TextContext): (AssigneeLike | null)[] {
  const refs = [
    ...plan.updates.map((u) => u.target ?? lookup(u.id, ctx.goal)),
    ...plan.archives.map((a) => a.target ?? lookup(a.id, ctx.goal)),
  ];
  return [...refs.map((r) => r?.assignee ?? null), ...plan.creates.map((c) => c.assignee)];
}

/** One line saying what applying the plan does, with its scope in people and targets. */
export function planSummary(plan: PlanDto, ctx: TextContext): string {
  const { format } = ctx;
  const scope = peopleAndTeams(touchedAssignees(plan, ctx), format);
  const targets = (n: number) => format.count(n, 'target');
  const changed = new Set(plan.updates.flatMap((u) => u.changes.map((c) => c.property)));
  const after = (property: string) =>
    plan.updates.flatMap((u) => u.changes).find((c) => c.property === property)?.after ?? null;
  const goalType = goalTypeAfter(plan, ctx.goal.goalType);
  const parts: string[] = [];
  if (plan.creates.length > 0) {
    const verb = plan.operation === 'clone' ? 'Creates the copy with' : 'Creates';
    parts.push(`${verb} ${targets(plan.creates.length)} for ${scope}`);
  }
  if (plan.updates.length > 0) {
    const what: string[] = [];
    if (changed.has('hs_goal_name')) what.push(`renames the goal to “${after('hs_goal_name')}”`);
    if (changed.has('hs_goal_type')) what.push(`makes it a ${format.goalType(goalType)} goal`);
    if (changed.has('hs_pipeline_ids'))
      what.push(
        `counts ${valueText('hs_pipeline_ids', after('hs_pipeline_ids'), ctx, goalType).toLowerCase()}`,
      );
    if (changed.has('hs_target_amount')) what.push('changes target amounts');
    if (changed.has('hs_kpi_value')) what.push('changes progress');
    if (what.length === 0) what.push('corrects values');
    const sentence = what.join(', ');
    parts.push(
      `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)} — ${targets(plan.updates.length)} of ${scope}`,
    );
  }
  if (plan.archives.length > 0) {
    parts.push(
      plan.operation === 'archive-family'
        ? `Archives the whole goal: ${targets(plan.archives.length)} of ${scope}`
        : `Archives ${targets(plan.archives.length)} of ${scope}`,
    );
  }
  return parts.length === 0 ? 'Nothing would change.' : `${parts.join('; ')}.`;
}

/** A notice from the server in words, amounts in the goal's unit and the viewer's locale. */
export function noticeText(notice: PlanNoticeDto, ctx: TextContext): string {
  const { format, names, goal } = ctx;
  const amount = (v: string) => format.amount(v, goal);
  const targets = (n: number) => format.count(n, 'target');
  switch (notice.code) {
    case 'total-changes':
      return notice.assignee
        ? `${names.assignee(notice.assignee)}’s total target changes from ${amount(notice.before)} to ${amount(notice.after)}.`
        : `The goal’s total target changes from ${amount(notice.before)} to ${amount(notice.after)}.`;
    case 'archive-restorable':
      return 'Archived targets can be restored in HubSpot for 90 days.';
    case 'archive-last-target':
      return 'This is the goal’s last target: the goal disappears.';
    case 'archive-leaves-gap':
      return 'The goal will have no target for this period; the health check reports the gap.';
    case 'nothing-to-write':
      return 'Every target already has these values; nothing will be written.';
    case 'undated-kept':
      return `${targets(notice.count)} of ${names.assignee(notice.assignee)} have no period and keep their amounts.`;
    case 'existing-skipped':
      return `${targets(notice.count)} exist already from an earlier attempt; only the missing ones are created.`;
    case 'clone-unreadable-skipped':
      return `${targets(notice.count)} without an assignee or a readable period are not copied.`;
    case 'clone-off-period':
      return `${targets(notice.count)} are not on the goal’s period boundaries; the copy uses the nearest whole periods.`;
    case 'clone-duplicates':
      return `${targets(notice.count)} repeat a period of the same assignee and are copied once.`;
    case 'clone-scaled':
      // A display number only: the server scaled the exact amounts.
      return `Every target amount is multiplied by ${new Intl.NumberFormat(format.locale, { maximumFractionDigits: 4 }).format(Number(notice.scale))} (rounded to the cent).`;
    case 'undo-overwrites':
      return `${targets(notice.count)} were changed again since; undoing overwrites those later changes.`;
    case 'undo-gone':
      return `${targets(notice.count)} no longer exist and are skipped.`;
    case 'notify':
      return `HubSpot will notify the assignees of ${targets(notice.count)} about this change.`;
  }
}
