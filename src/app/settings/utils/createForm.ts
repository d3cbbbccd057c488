/**
 * F5/F6: the create form → `goal_family_create` parameters, validated here so the admin sees every
 * problem next to its field (and in the preview's "to preview, first" list) before anything is sent.
 */
import { type Assignee, MAX_SLICES_PER_INVOCATION, type SettingsDto } from '@goal-families/contract';
import { type Format, parseAmountInput, sumMoney, validateGoalName } from '@goal-families/ui';

export type MilestoneValue = 'weekly' | 'monthly' | 'quarterly' | 'annual';
/** even / weighted: one total per assignee; grid: an amount per assignee and period. */
export type SpreadMode = 'even' | 'weighted' | 'grid';

export interface CreateForm {
  name: string;
  goalType: string;
  milestone: MilestoneValue;
  year: string;
  /** 1 = January: the fiscal year's first month. */
  startMonth: string;
  periodCount: string;
  timeZone: string;
  ownerIds: string[];
  teamIds: string[];
  spreadMode: SpreadMode;
  total: string;
  weights: string;
  /** Grid mode: per assignee key ("owner:77"), one typed amount per period. */
  grid: Record<string, string[]>;
  pipelineIds: string[];
}

export const PERIODS_PER_YEAR: Record<MilestoneValue, number> = {
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};
const MONTHS_PER_PERIOD: Record<Exclude<MilestoneValue, 'weekly'>, number> = {
  monthly: 1,
  quarterly: 3,
  annual: 12,
};

export function initialCreateForm(settings: SettingsDto, now: Date): CreateForm {
  return {
    name: '',
    goalType: 'sales_quota',
    milestone: 'monthly',
    year: String(now.getUTCFullYear()),
    startMonth: String(settings.defaults.fiscalYearStartMonth),
    periodCount: '12',
    timeZone: settings.defaults.timeZone,
    ownerIds: [],
    teamIds: [],
    spreadMode: 'even',
    total: '',
    weights: '',
    grid: {},
    pipelineIds: [],
  };
}

export const assigneeKey = (a: Assignee) => `${a.kind}:${a.id}`;

export function assigneesOf(form: Pick<CreateForm, 'ownerIds' | 'teamIds'>): Assignee[] {
  return [
    ...form.ownerIds.map((id) => ({ kind: 'owner' as const, id })),
    ...form.teamIds.map((id) => ({ kind: 'team' as const, id })),
  ];
}

export function startDateOf(form: Pick<CreateForm, 'year' | 'startMonth'>): string | null {
  if (!/^\d{4}$/.test(form.year)) return null;
  const month = Number(form.startMonth);
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return `${form.year}-${String(month).padStart(2, '0')}-01`;
}

export function periodCountOf(form: Pick<CreateForm, 'periodCount'>): number | null {
  const n = Number(form.periodCount);
  return /^\d{1,2}$/.test(form.periodCount) && n >= 1 && n <= 60 ? n : null;
}

/**
 * Labels for the grid's columns in the app's one style ("Jan 2026", "Q1 2026", "FY2026"), from the
 * calendar months (the server computes the exact instants); weeks are numbered.
 */
export function periodLabels(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth' | 'periodCount'>,
  format: Pick<Format, 'period'>,
): string[] {
  const count = periodCountOf(form) ?? 0;
  if (form.milestone === 'weekly' || startDateOf(form) === null)
    return Array.from({ length: count }, (_, i) => `Week ${i + 1}`);
  const step = MONTHS_PER_PERIOD[form.milestone];
  const first = Number(form.year) * 12 + Number(form.startMonth) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = first + i * step;
    const start = new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)).toISOString();
    return format.period({ start }, form.milestone, 'UTC');
  });
}

export interface CreateRequest {
  uuid: string;
  name: string;
  goalType: string;
  milestone: MilestoneValue;
  startDate: string;
  periodCount: number;
  timeZone: string;
  assignees: Assignee[];
  spread?: { mode: 'even'; total: string } | { mode: 'weighted'; total: string; weights: number[] };
  amountsByAssignee?: { assignee: Assignee; amounts: string[] }[];
  pipelineIds: string[];
}

export type CreateBuild =
  | { ok: true; request: CreateRequest }
  | { ok: false; problems: Record<string, string> };

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.trim() !== '';
  } catch {
    return false;
  }
}

/** A grid row's amounts, typed in the locale; one problem per row at most. */
function gridRow(
  typed: readonly string[] | undefined,
  count: number,
  locale: string,
): { amounts: string[] } | { problem: string } {
  const amounts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = typed?.[i] ?? '';
    if (text.trim() === '')
      return { problem: `Enter an amount for every period (period ${i + 1} is empty).` };
    const amount = parseAmountInput(text, locale);
    if (!amount.ok) return { problem: `Period ${i + 1}: ${amount.message}` };
    amounts.push(amount.value);
  }
  return { amounts };
}

/** Every row's total and the grand total of a grid, exact (rows with problems count what they can). */
export function gridTotals(
  form: CreateForm,
  locale: string,
): { rows: Record<string, string>; total: string } {
  const count = periodCountOf(form) ?? 0;
  const rows: Record<string, string> = {};
  for (const a of assigneesOf(form)) {
    const typed = form.grid[assigneeKey(a)] ?? [];
    rows[assigneeKey(a)] = sumMoney(
      Array.from({ length: count }, (_, i) => {
        const parsed = parseAmountInput(typed[i] ?? '', locale);
        return parsed.ok ? parsed.value : null;
      }),
    );
  }
  return { rows, total: sumMoney(Object.values(rows)) };
}

/** `locale`: how the user types amounts ("1,000.50" in en-US, "1.000,50" in de-DE). */
export function buildCreateRequest(form: CreateForm, uuid: string, locale = 'en-US'): CreateBuild {
  const problems: Record<string, string> = {};
  const nameProblem = validateGoalName(form.name);
  if (nameProblem) problems.name = nameProblem === 'Enter a name.' ? 'Give the goal a name.' : nameProblem;
  if (!/^[a-z0-9_]{1,64}$/.test(form.goalType)) problems.goalType = 'Choose a goal type.';
  const startDate = startDateOf(form);
  if (!startDate) problems.year = 'Choose the year and the first month.';
  const periodCount = periodCountOf(form);
  if (periodCount === null) problems.periodCount = 'Use 1 to 60 periods.';
  if (!validTimeZone(form.timeZone)) problems.timeZone = 'Choose a time zone.';
  const assignees = assigneesOf(form);
  if (assignees.length === 0) problems.assignees = 'Choose at least one person or team.';
  else if (assignees.length > 500) problems.assignees = 'Choose at most 500 assignees per goal.';
  else if (periodCount !== null && assignees.length * periodCount > MAX_SLICES_PER_INVOCATION)
    problems.assignees = `A goal holds at most ${MAX_SLICES_PER_INVOCATION.toLocaleString(locale)} targets (assignees × periods): split it, for example one goal per team.`;

  let spread: CreateRequest['spread'];
  let amountsByAssignee: CreateRequest['amountsByAssignee'];
  if (form.spreadMode === 'grid') {
    amountsByAssignee = [];
    for (const assignee of assignees) {
      const row = gridRow(form.grid[assigneeKey(assignee)], periodCount ?? 0, locale);
      if ('problem' in row) {
        problems[`grid:${assigneeKey(assignee)}`] = row.problem;
      } else amountsByAssignee.push({ assignee, amounts: row.amounts });
    }
  } else {
    const total = parseAmountInput(form.total, locale);
    if (!total.ok)
      problems.total = form.total.trim() === '' ? 'Enter the total per assignee.' : total.message;
    if (form.spreadMode === 'weighted') {
      const parts = form.weights.split(',').map((w) => w.trim());
      if (parts.some((w) => !/^\d{1,7}$/.test(w)))
        problems.weights = 'Give the weights as whole numbers separated by commas, such as 1,1,2.';
      else if (periodCount !== null && parts.length !== periodCount)
        problems.weights = `Give ${periodCount} weights, one per period.`;
      else if (parts.every((w) => Number(w) === 0))
        problems.weights = 'At least one weight must be above zero.';
      else if (total.ok) spread = { mode: 'weighted', total: total.value, weights: parts.map(Number) };
    } else if (total.ok) spread = { mode: 'even', total: total.value };
  }

  if (
    Object.keys(problems).length > 0 ||
    (!spread && !amountsByAssignee) ||
    !startDate ||
    periodCount === null
  )
    return { ok: false, problems };
  return {
    ok: true,
    request: {
      uuid,
      name: form.name.trim(),
      goalType: form.goalType,
      milestone: form.milestone,
      startDate,
      periodCount,
      timeZone: form.timeZone.trim(),
      assignees,
      ...(spread ? { spread } : {}),
      ...(amountsByAssignee ? { amountsByAssignee } : {}),
      pipelineIds: form.pipelineIds,
    },
  };
}
