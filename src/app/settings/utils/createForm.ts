/**
 * F5/F6: the create form → `goal_family_create` parameters, validated here so the admin sees every
 * problem next to its field before anything is sent.
 */
import type { SettingsDto } from '@goal-families/contract';
import { parseMoneyInput, validateGoalName } from '@goal-families/ui';

/**
 * The most slices one invocation may write: the functions' MAX_SLICES_PER_INVOCATION (@goal-families/contract), repeated
 * here because HubSpot builds this folder on its own; a test keeps the two equal.
 */
export const MAX_SLICES_PER_GOAL = 1_200;

export type MilestoneValue = 'weekly' | 'monthly' | 'quarterly' | 'annual';
export type SpreadMode = 'even' | 'weighted' | 'explicit';

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
  /** One per period (explicit mode). */
  amounts: string[];
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
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
    amounts: [],
    pipelineIds: [],
  };
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

/**
 * Labels of the goal's periods, by calendar arithmetic on the start month (weekly: numbered);
 * `activeOnly`: only the periods that get a target.
 */
export function periodLabels(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth' | 'years' | 'partialFrom'>,
  options: { activeOnly?: boolean } = {},
): string[] {
  const count = periodCountOf(form) ?? 0;
  const from = options.activeOnly ? firstActiveOf(form) : 0;
  if (form.milestone === 'weekly' || startDateOf(form) === null)
    return Array.from({ length: count - from }, (_, i) => `Week ${from + i + 1}`);
  const step = MONTHS_PER_PERIOD[form.milestone];
  const first = Number(form.year) * 12 + Number(form.startMonth) - 1;
  return Array.from({ length: count - from }, (_, i) => {
    const start = first + (from + i) * step;
    const end = start + step - 1;
    const label = (m: number) => `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}`;
    if (step === 1) return label(start);
    return `${MONTH_NAMES[start % 12]}–${label(end)}`;
  });
}

/**
 * The choices for a partial year: the whole year, or targets from one of the first year's later
 * periods (monthly and quarterly goals).
 */
export function partialYearOptions(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth'>,
): { label: string; value: string }[] {
  const whole = { label: 'The whole year', value: '' };
  if (form.milestone === 'weekly' || form.milestone === 'annual' || startDateOf(form) === null)
    return [whole];
  const step = MONTHS_PER_PERIOD[form.milestone];
  const first = Number(form.year) * 12 + Number(form.startMonth) - 1;
  return [
    whole,
    ...Array.from({ length: PERIODS_PER_YEAR[form.milestone] - 1 }, (_, i) => {
      const m = first + (i + 1) * step;
      return { label: `From ${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}`, value: String(i + 1) };
    }),
  ];
}

/** The first day of the partial year, as the functions take it ("YYYY-MM-DD"). */
function partialFromDate(form: CreateForm): string | null {
  const index = firstActiveOf(form);
  if (index === 0 || form.milestone === 'weekly' || startDateOf(form) === null) return null;
  const m = Number(form.year) * 12 + Number(form.startMonth) - 1 + index * MONTHS_PER_PERIOD[form.milestone];
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.trim() !== '';
  } catch {
    return false;
  }
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
  assignees: { kind: 'owner' | 'team'; id: string }[];
  spread:
    | { mode: 'even'; total: string }
    | { mode: 'weighted'; total: string; weights: number[] }
    | { mode: 'explicit'; amounts: string[] };
  pipelineIds: string[];
}

export type CreateBuild =
  | { ok: true; request: CreateRequest }
  | { ok: false; problems: Record<string, string> };

export function buildCreateRequest(form: CreateForm, uuid: string): CreateBuild {
  const problems: Record<string, string> = {};
  const nameProblem = validateGoalName(form.name);
  if (nameProblem) problems.name = nameProblem;
  if (!/^[a-z0-9_]{1,64}$/.test(form.goalType)) problems.goalType = 'Choose a goal type.';
  const startDate = startDateOf(form);
  if (!startDate) problems.year = 'Choose the year and the first month.';
  const periodCount = periodCountOf(form);
  if (periodCount === null) problems.years = `Use 1 to ${MAX_YEARS} years.`;
  const activeCount = activePeriodCountOf(form);
  const partialFrom = partialFromDate(form);
  if (!validTimeZone(form.timeZone)) problems.timeZone = 'Use a time zone such as Europe/Berlin.';
  const assignees = [
    ...form.ownerIds.map((id) => ({ kind: 'owner' as const, id })),
    ...form.teamIds.map((id) => ({ kind: 'team' as const, id })),
  ];
  if (assignees.length === 0) problems.assignees = 'Choose at least one owner or team.';
  else if (assignees.length > 500) problems.assignees = 'At most 500 assignees per goal.';
  else if (periodCount !== null && assignees.length * periodCount > MAX_SLICES_PER_GOAL)
    problems.assignees = `At most ${MAX_SLICES_PER_GOAL.toLocaleString('en-US')} slices per goal (assignees × periods): split it, e.g. one goal per team.`;

  let spread: CreateRequest['spread'] | null = null;
  if (form.spreadMode === 'explicit') {
    const amounts: string[] = [];
    const count = activeCount ?? 0;
    for (let i = 0; i < count; i++) {
      const amount = parseMoneyInput(form.amounts[i] ?? '');
      if (amount.ok) amounts.push(amount.value);
      else problems[`amount${i}`] = amount.message;
    }
    if (!Object.keys(problems).some((k) => k.startsWith('amount'))) spread = { mode: 'explicit', amounts };
  } else {
    const total = parseMoneyInput(form.total);
    if (!total.ok) problems.total = total.message;
    if (form.spreadMode === 'weighted') {
      const parts = form.weights.split(',').map((w) => w.trim());
      if (parts.some((w) => !/^\d{1,7}$/.test(w)))
        problems.weights = 'Use whole numbers separated by commas, such as 1,1,2.';
      else if (activeCount !== null && parts.length !== activeCount)
        problems.weights = `Give ${activeCount} weights, one per period.`;
      else if (parts.every((w) => Number(w) === 0))
        problems.weights = 'At least one weight must be above zero.';
      else if (total.ok) spread = { mode: 'weighted', total: total.value, weights: parts.map(Number) };
    } else if (total.ok) spread = { mode: 'even', total: total.value };
  }

  if (Object.keys(problems).length > 0 || !spread || !startDate || periodCount === null)
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
      spread,
      pipelineIds: form.pipelineIds,
    },
  };
}
