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
  periodCount: string;
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
    periodCount: '12',
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

export function periodCountOf(form: Pick<CreateForm, 'periodCount'>): number | null {
  const n = Number(form.periodCount);
  return /^\d{1,2}$/.test(form.periodCount) && n >= 1 && n <= 60 ? n : null;
}

/** Labels for the per-period grid, by calendar arithmetic on the start month (weekly: numbered). */
export function periodLabels(
  form: Pick<CreateForm, 'milestone' | 'year' | 'startMonth' | 'periodCount'>,
): string[] {
  const count = periodCountOf(form) ?? 0;
  if (form.milestone === 'weekly' || startDateOf(form) === null)
    return Array.from({ length: count }, (_, i) => `Period ${i + 1}`);
  const step = MONTHS_PER_PERIOD[form.milestone];
  const first = Number(form.year) * 12 + Number(form.startMonth) - 1;
  return Array.from({ length: count }, (_, i) => {
    const start = first + i * step;
    const end = start + step - 1;
    const label = (m: number) => `${MONTH_NAMES[m % 12]} ${Math.floor(m / 12)}`;
    if (step === 1) return label(start);
    return `${MONTH_NAMES[start % 12]}–${label(end)}`;
  });
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
  if (periodCount === null) problems.periodCount = 'Use 1 to 60 periods.';
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
    const count = periodCount ?? 0;
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
      else if (periodCount !== null && parts.length !== periodCount)
        problems.weights = `Give ${periodCount} weights, one per period.`;
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
      timeZone: form.timeZone.trim(),
      assignees,
      spread,
      pipelineIds: form.pipelineIds,
    },
  };
}
