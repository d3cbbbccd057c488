/**
 * Everything the UI writes about numbers, money, periods, goal types and pipelines, in the viewer's
 * locale and the app's words (docs/ui-words.md). Built once per surface from the user's locale, the
 * app settings and the portal's option labels; components get it with `useFormat()`.
 */
import { amountExample, parseAmountInput } from './amountInput';
import { goalUnit } from './goalUnit';
import { formatCount, formatMoney } from './money';
import { dateLabel, dateTimeLabel, monthSpan, periodLabel } from './periods';
import { counted } from './words';

export interface Option {
  value: string;
  label: string;
}

export interface FormatSettings {
  /** A BCP 47 locale Intl supports (`resolveLocale`). */
  locale: string;
  /** The currency of goal amounts: the app settings' currency (HubSpot keeps no currency per goal). */
  currency: string;
  /** 1 = January. */
  fiscalYearStartMonth: number;
  /** The portal's `hs_goal_type` options: value → label. */
  goalTypes: readonly Option[];
  /** The portal's `hs_milestone` options. */
  milestones: readonly Option[];
  /** Deal pipelines: id → name. */
  pipelines: readonly Option[];
}

/** Something with a goal type: revenue goals show money, the others plain numbers. */
export interface GoalLike {
  goalType: string | null;
}

export interface Format extends FormatSettings {
  /** A target, progress or total in the goal's unit: "$2,743,500.00" or "1,533". */
  amount(value: string | null, goal: GoalLike): string;
  money(value: string | null, currency?: string): string;
  integer(n: number): string;
  /** "1 target", "72 targets", "6 people". */
  count(n: number, noun: string, plural?: string): string;
  /** "112%"; "—" when there is no target to compare with. */
  percent(p: number | null): string;
  period(period: { start: string | null; end?: string | null }, milestone: string, timeZone: string): string;
  /** "Jan 2026 – Dec 2026". */
  span(start: string | null, end: string | null, timeZone: string): string;
  date(iso: string, timeZone: string): string;
  dateTime(iso: string, timeZone: string): string;
  /** The portal's label of a goal type: "Revenue", "Meetings booked". */
  goalType(value: string | null): string;
  /** "Monthly", "Quarterly", … */
  milestone(value: string): string;
  /** Pipeline names, or "All pipelines" for none. */
  pipelineNames(ids: readonly string[]): string;
  /** Reads a typed amount in the viewer's locale ("1.000,50" in de-DE). */
  parseAmount(text: string, options?: { allowNegative?: boolean }): ReturnType<typeof parseAmountInput>;
  /** "1,234.56" in the viewer's locale: the format typed amounts must follow. */
  amountExample: string;
  /** An exact amount as the viewer types it ("1000.50" → "1,000.50"), for prefilled inputs. */
  amountInput(value: string | null): string;
}

/** The user's locale if Intl knows it, else en-US. */
export function resolveLocale(raw: string | null | undefined): string {
  if (!raw) return 'en-US';
  try {
    return Intl.NumberFormat.supportedLocalesOf([raw.replace('_', '-')])[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** "meetings_booked" → "Meetings booked": only while the portal's own labels are not known. */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ASSUMPTION (unverified): HubSpot labels the documented goal type `sales_quota` "Revenue" in its
// goal templates; used only until the portal's own option labels have loaded.
const KNOWN_GOAL_TYPE_LABELS: Record<string, string> = { sales_quota: 'Revenue' };

const MILESTONE_LABELS: Record<string, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Yearly',
  annually: 'Yearly',
  yearly: 'Yearly',
};

export const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  locale: 'en-US',
  currency: 'USD',
  fiscalYearStartMonth: 1,
  goalTypes: [],
  milestones: [],
  pipelines: [],
};

export function createFormat(settings: Partial<FormatSettings> = {}): Format {
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  const s: FormatSettings = { ...DEFAULT_FORMAT_SETTINGS, ...defined };
  const { locale } = s;
  const labelOf = (options: readonly Option[], value: string) =>
    options.find((o) => o.value === value)?.label;
  const money = (value: string | null, currency?: string) =>
    formatMoney(value, currency || s.currency, locale);
  const periodOptions = (timeZone: string) => ({
    timeZone,
    locale,
    fiscalYearStartMonth: s.fiscalYearStartMonth,
  });
  return {
    ...s,
    amount: (value, goal) =>
      goalUnit(goal.goalType) === 'currency' ? money(value) : formatCount(value, locale),
    money,
    integer: (n) => new Intl.NumberFormat(locale).format(n),
    count: (n, noun, plural) => counted(n, noun, locale, plural),
    percent: (p) =>
      p === null
        ? '—'
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(p / 100),
    period: (period, milestone, timeZone) => periodLabel(period, milestone, periodOptions(timeZone)),
    span: (start, end, timeZone) => monthSpan(start, end, { timeZone, locale }),
    date: (iso, timeZone) => dateLabel(iso, { timeZone, locale }),
    dateTime: (iso, timeZone) => dateTimeLabel(iso, { timeZone, locale }),
    goalType: (value) => {
      if (!value) return 'No goal type';
      return labelOf(s.goalTypes, value) ?? KNOWN_GOAL_TYPE_LABELS[value] ?? humanize(value);
    },
    milestone: (value) => labelOf(s.milestones, value) ?? MILESTONE_LABELS[value] ?? humanize(value),
    pipelineNames: (ids) =>
      ids.length === 0
        ? 'All pipelines'
        : ids.map((id) => labelOf(s.pipelines, id) ?? 'a pipeline that no longer exists').join(', '),
    parseAmount: (text, options) => parseAmountInput(text, locale, options),
    amountExample: amountExample(locale),
    amountInput: (value) => {
      if (value === null) return '';
      const text = formatCount(value, locale);
      return /^-?\d+(\.\d{1,2})?$/.test(value) ? text : value;
    },
  };
}
