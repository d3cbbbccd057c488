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
  /** Whole milestone years (HubSpot needs 12 monthly, 4 quarterly, 1 annual, 52 weekly periods a year). */
  years: string;
  /**
   * '' for the whole year; else the index of the first period with a target (a partial year): the
   * periods before it are still created, with a target of 0.00, so that HubSpot sees whole years.
   */
  partialFrom: string;
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
    years: '1',
    partialFrom: '',
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

const MAX_YEARS = 5;

/** How many periods the goal has: whole milestone years (52 weeks a year for weekly goals). */
export function periodCountOf(form: Pick<CreateForm, 'milestone' | 'years'>): number | null {
  const years = Number(form.years);
  return /^\d$/.test(form.years) && years >= 1 && years <= MAX_YEARS
    ? years * PERIODS_PER_YEAR[form.milestone]
    : null;
}

/** The index of the first period with a target (0 for the whole year). */
function firstActiveOf(form: Pick<CreateForm, 'milestone' | 'partialFrom'>): number {
  const n = Number(form.partialFrom);
  return form.partialFrom === '' || form.milestone === 'weekly' || !Number.isInteger(n) ? 0 : n;
}

/** How many periods get a target: all of them, or those from the partial year's start. */
export function activePeriodCountOf(
  form: Pick<CreateForm, 'milestone' | 'years' | 'partialFrom'>,
): number | null {
  const count = periodCountOf(form);
  return count === null ? null : Math.max(0, count - firstActiveOf(form));
}

/** The first day of the month `index` months after the form's first month, as "YYYY-MM-DD". */
function monthStart(form: Pick<CreateForm, 'year' | 'startMonth'>, months: number): string {
  const m = Number(form.year) * 12 + Number(form.startMonth) - 1 + months;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Labels for the grid's columns in the app's one style ("Jan 2026", "Q1 2026", "FY2026"), from the
 * calendar months (the server computes the exact instants); weeks are numbered. `activeOnly`: only
 * the periods that get a target (a partial year leaves out the ones before it).
 */
export function periodLabels(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth' | 'years' | 'partialFrom'>,
  format: Pick<Format, 'period'>,
  options: { activeOnly?: boolean } = {},
): string[] {
  const count = periodCountOf(form) ?? 0;
  const from = options.activeOnly ? firstActiveOf(form) : 0;
  if (form.milestone === 'weekly' || startDateOf(form) === null)
    return Array.from({ length: Math.max(0, count - from) }, (_, i) => `Week ${from + i + 1}`);
  const step = MONTHS_PER_PERIOD[form.milestone];
  return Array.from({ length: Math.max(0, count - from) }, (_, i) => {
    const start = `${monthStart(form, (from + i) * step)}T00:00:00.000Z`;
    return format.period({ start }, form.milestone, 'UTC');
  });
}

/**
 * The choices for a partial year: the whole year, or targets from one of the first year's later
 * periods (monthly and quarterly goals), named by the month they start in ("From Apr 2026").
 */
export function partialYearOptions(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth'>,
  format: Pick<Format, 'period'>,
): { label: string; value: string }[] {
  const whole = { label: 'The whole year', value: '' };
  if (form.milestone === 'weekly' || form.milestone === 'annual' || startDateOf(form) === null)
    return [whole];
  const step = MONTHS_PER_PERIOD[form.milestone];
  return [
    whole,
    ...Array.from({ length: PERIODS_PER_YEAR[form.milestone] - 1 }, (_, i) => {
      const start = `${monthStart(form, (i + 1) * step)}T00:00:00.000Z`;
      return { label: `From ${format.period({ start }, 'monthly', 'UTC')}`, value: String(i + 1) };
    }),
  ];
}

/** The first day of the partial year, as the functions take it ("YYYY-MM-DD"). */
function partialFromDate(form: CreateForm): string | null {
  const index = firstActiveOf(form);
  if (index === 0 || form.milestone === 'weekly' || startDateOf(form) === null) return null;
  return monthStart(form, index * MONTHS_PER_PERIOD[form.milestone]);
}

export interface CreateRequest {
  uuid: string;
  name: string;
  goalType: string;
  milestone: MilestoneValue;
  startDate: string;
  periodCount: number;
  partialYear?: { from: string };
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
  const count = activePeriodCountOf(form) ?? 0;
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
  if (periodCount === null) problems.years = `Choose 1 to ${MAX_YEARS} years.`;
  const activeCount = activePeriodCountOf(form);
  const partialFrom = partialFromDate(form);
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
      const row = gridRow(form.grid[assigneeKey(assignee)], activeCount ?? 0, locale);
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
      else if (activeCount !== null && parts.length !== activeCount)
        problems.weights = `Give ${activeCount} weights, one per period.`;
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
      ...(partialFrom === null ? {} : { partialYear: { from: partialFrom } }),
      timeZone: form.timeZone.trim(),
      assignees,
      ...(spread ? { spread } : {}),
      ...(amountsByAssignee ? { amountsByAssignee } : {}),
      pipelineIds: form.pipelineIds,
    },
  };
}
