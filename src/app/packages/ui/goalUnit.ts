import { formatCount, formatMoney } from './money';

/** How a goal's target and actual are shown: as money, or as a plain number of things. */
export type GoalUnit = 'currency' | 'count';

// ASSUMPTION (unverified): which hs_goal_type values are amounts of money — `sales_quota` and any type whose
// id mentions revenue or quota; every other type (meetings booked, deals won/created, calls made, tickets
// closed, ...) counts things. HubSpot's full hs_goal_type option list is not verified.
const MONEY_GOAL_TYPE = /revenue|quota/;

/**
 * The one place that decides whether a goal type's amounts are money. An unknown type (null: the screen
 * does not know the goal) shows as a plain number, so nothing is labelled as money without reason.
 */
export function goalUnit(goalType: string | null | undefined): GoalUnit {
  return goalType && MONEY_GOAL_TYPE.test(goalType) ? 'currency' : 'count';
}

/** A goal's target/actual/total as text: "$5,000.50" for revenue goals, "17" or "12.5" for counts. */
export function formatGoalAmount(
  value: string | null,
  goalType: string | null | undefined,
  currency: string,
  locale = 'en-US',
): string {
  return goalUnit(goalType) === 'currency'
    ? formatMoney(value, currency, locale)
    : formatCount(value, locale);
}
