/**
 * Sanity checks on amounts before a preview: a new target ten times above or below the current one is
 * probably a typo (a missing or extra zero) and needs an explicit "yes"; zero is allowed but flagged.
 */
import { toCents } from './money';

export type AmountSanity =
  | { kind: 'ok' }
  | { kind: 'zero' }
  | { kind: 'much-higher'; factor: number }
  | { kind: 'much-lower'; factor: number };

/** How far from the current amount a new one may go without a confirmation. */
export const CONFIRM_FACTOR = 10n;

/** Compares exact decimal strings; `current` null or zero means there is nothing to compare with. */
export function amountSanity(next: string, current: string | null): AmountSanity {
  const n = toCents(next);
  if (n === null) return { kind: 'ok' };
  if (n === 0n) return { kind: 'zero' };
  const c = current === null ? null : toCents(current);
  if (c === null || c <= 0n) return { kind: 'ok' };
  if (n >= c * CONFIRM_FACTOR) return { kind: 'much-higher', factor: Number((n * 10n) / c) / 10 };
  if (n * CONFIRM_FACTOR <= c) return { kind: 'much-lower', factor: Number((c * 10n) / n) / 10 };
  return { kind: 'ok' };
}

/** Whether the amount needs the user's explicit confirmation before it can be previewed. */
export const needsConfirmation = (s: AmountSanity): boolean =>
  s.kind === 'much-higher' || s.kind === 'much-lower';
