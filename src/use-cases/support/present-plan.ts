/**
 * A domain plan → the contract's PlanDto, with everything the UI needs to word it in the viewer's
 * locale: each row's assignee (named) and period, and the warnings as notices with exact amounts.
 * Names are resolved once per invocation (the name book); nothing here builds English for the UI.
 */
import type { NamedAssignee, PlanDto, PlanNoticeDto, TargetRefDto } from '@goal-families/contract';
import {
  type Assignee,
  assigneeKey,
  batchCount,
  type Family,
  formatInstant,
  formatMoney,
  type GoalTarget,
  notifiedTargets,
  type Plan,
  PROP,
  parseMoney,
} from '@goal-families/domain';
import type { NameBook } from './names';

export type PlanContext = {
  /** The family the plan was computed from; null when it creates a new one (create, clone). */
  family: Family | null;
  names: NameBook;
  /** The goal's period length and zone as its slices store them (or as the request makes them). */
  milestone?: string | undefined;
  timeZone?: string | undefined;
  /** Clone: the factor amounts are multiplied by. */
  scale?: string | undefined;
};

/** Many per-assignee total notices would bury the rest: the first few, the goal's total always. */
const MAX_ASSIGNEE_TOTALS = 5;

export async function named(names: NameBook, a: Assignee | null): Promise<NamedAssignee | null> {
  if (a === null) return null;
  const name = await names.name(a.kind, a.id);
  return name === undefined ? { ...a } : { ...a, name };
}

async function targetRef(id: string, slice: GoalTarget | undefined, names: NameBook): Promise<TargetRefDto> {
  return {
    id,
    assignee: slice ? await named(names, slice.assignee) : null,
    start: slice?.startMs == null ? null : formatInstant(slice.startMs),
    end: slice?.endMs == null ? null : formatInstant(slice.endMs),
  };
}

const cents = (value: string | null | undefined): number => (value ? (parseMoney(value) ?? 0) : 0);

/** How much each assignee's total target moves, and the goal's. */
function totalChanges(plan: Plan, family: Family) {
  const byId = new Map(family.slices.map((t) => [t.id, t]));
  const delta = new Map<string, { assignee: Assignee | null; cents: number }>();
  const add = (a: Assignee | null, by: number) => {
    if (by === 0) return;
    const key = assigneeKey(a);
    const known = delta.get(key) ?? { assignee: a, cents: 0 };
    delta.set(key, { assignee: a, cents: known.cents + by });
  };
  for (const u of plan.updates) {
    if (!(PROP.targetAmount in u.after)) continue;
    add(
      byId.get(u.id)?.assignee ?? null,
      cents(u.after[PROP.targetAmount]) - cents(u.before[PROP.targetAmount]),
    );
  }
  for (const a of plan.archives) {
    const slice = byId.get(a.id);
    add(slice?.assignee ?? null, -(slice?.targetCents ?? 0));
  }
  for (const c of plan.creates) add(c.assignee, cents(c.properties[PROP.targetAmount]));
  const before = (a: Assignee | null) =>
    family.slices
      .filter((t) => assigneeKey(t.assignee) === assigneeKey(a))
      .reduce((s, t) => s + (t.targetCents ?? 0), 0);
  const goalBefore = family.slices.reduce((s, t) => s + (t.targetCents ?? 0), 0);
  const goalDelta = [...delta.values()].reduce((s, d) => s + d.cents, 0);
  return {
    goal: { before: goalBefore, after: goalBefore + goalDelta },
    assignees: [...delta.values()]
      .filter((d) => d.cents !== 0)
      .map((d) => ({
        assignee: d.assignee,
        before: before(d.assignee),
        after: before(d.assignee) + d.cents,
      })),
  };
}

async function notices(plan: Plan, ctx: PlanContext): Promise<PlanNoticeDto[]> {
  const out: PlanNoticeDto[] = [];
  const { family, names } = ctx;
  const empty = plan.updates.length + plan.creates.length + plan.archives.length === 0;
  if (empty) out.push({ code: 'nothing-to-write' });
  // A goal that is created, copied or archived whole has no "before" total worth a notice.
  if (family && !['create', 'clone', 'archive-family'].includes(plan.operation) && !empty) {
    const totals = totalChanges(plan, family);
    if (totals.goal.after !== totals.goal.before) {
      out.push({
        code: 'total-changes',
        assignee: null,
        before: formatMoney(totals.goal.before),
        after: formatMoney(totals.goal.after),
      });
    }
    // Per assignee only when there is more than one and the change is not one person's arrival or
    // departure (the goal's total says it all then).
    const perAssignee =
      family.groups.length > 1 && plan.operation !== 'add-assignee' && plan.operation !== 'remove-assignee';
    if (perAssignee) {
      for (const t of totals.assignees.slice(0, MAX_ASSIGNEE_TOTALS)) {
        out.push({
          code: 'total-changes',
          assignee: await named(names, t.assignee),
          before: formatMoney(t.before),
          after: formatMoney(t.after),
        });
      }
    }
    // Targets without a period keep their amounts when a new total is spread.
    const touched = new Set(plan.updates.filter((u) => PROP.targetAmount in u.after).map((u) => u.id));
    for (const group of family.groups) {
      if (!group.slices.some((t) => touched.has(t.id))) continue;
      const undated = group.slices.filter((t) => t.startMs === null).length;
      if (undated > 0)
        out.push({ code: 'undated-kept', count: undated, assignee: await named(names, group.assignee) });
    }
  }
  if (plan.archives.length > 0) out.push({ code: 'archive-restorable' });
  if (plan.operation === 'archive-slice') {
    out.push({ code: 'archive-leaves-gap' });
    if (family && family.slices.length === plan.archives.length) out.push({ code: 'archive-last-target' });
  }
  const c = plan.counts ?? {};
  if (c.existingSkipped) out.push({ code: 'existing-skipped', count: c.existingSkipped });
  if (c.unreadableSkipped) out.push({ code: 'clone-unreadable-skipped', count: c.unreadableSkipped });
  if (c.offPeriod) out.push({ code: 'clone-off-period', count: c.offPeriod });
  if (c.duplicates) out.push({ code: 'clone-duplicates', count: c.duplicates });
  if (c.overwritten) out.push({ code: 'undo-overwrites', count: c.overwritten });
  if (c.gone) out.push({ code: 'undo-gone', count: c.gone });
  if (plan.operation === 'clone' && ctx.scale !== undefined && ctx.scale !== '1')
    out.push({ code: 'clone-scaled', scale: ctx.scale });
  const notified = notifiedTargets(plan);
  if (notified > 0) out.push({ code: 'notify', count: notified });
  return out;
}

export async function presentPlan(
  plan: Plan,
  ctx: PlanContext,
  version: string = plan.version,
): Promise<PlanDto> {
  const byId = new Map((ctx.family?.slices ?? []).map((t) => [t.id, t]));
  const updates: PlanDto['updates'] = [];
  for (const u of plan.updates) {
    updates.push({
      id: u.id,
      label: u.label,
      target: await targetRef(u.id, byId.get(u.id), ctx.names),
      changes: Object.entries(u.after).map(([property, after]) => ({
        property,
        before: u.before[property] ?? null,
        after,
      })),
    });
  }
  const archives: PlanDto['archives'] = [];
  for (const a of plan.archives)
    archives.push({ id: a.id, label: a.label, target: await targetRef(a.id, byId.get(a.id), ctx.names) });
  const creates: PlanDto['creates'] = [];
  for (const c of plan.creates) {
    creates.push({
      assignee: await named(ctx.names, c.assignee),
      start: formatInstant(c.startMs),
      end: formatInstant(c.endMs),
      properties: c.properties,
    });
  }
  return {
    operation: plan.operation,
    familyUuid: plan.familyUuid,
    ...(ctx.milestone !== undefined ? { milestone: ctx.milestone } : {}),
    ...(ctx.timeZone !== undefined ? { timeZone: ctx.timeZone } : {}),
    version,
    summary: plan.summary,
    creates,
    updates,
    archives,
    batches: batchCount(plan),
    warnings: plan.warnings,
    notices: await notices(plan, ctx),
  };
}
