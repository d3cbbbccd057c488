/** Totals of target amounts and KPI values; amounts that are not numbers count as 0. */
import { type Cents, sumCents } from './money';

type Amounts = { targetCents: Cents | null; kpiCents: Cents | null };

/** Exact at any size (bigint cents). */
export function totals(slices: readonly Amounts[]): { targetCents: Cents; kpiCents: Cents } {
  return {
    targetCents: sumCents(slices.map((s) => s.targetCents)),
    kpiCents: sumCents(slices.map((s) => s.kpiCents)),
  };
}

/** The earliest start and latest end among slices; null when none has a readable period. */
export function span(
  slices: readonly { startMs: number | null; endMs: number | null }[],
): { startMs: number; endMs: number } | null {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const s of slices) {
    if (s.startMs !== null && s.startMs < startMs) startMs = s.startMs;
    if (s.endMs !== null && s.endMs > endMs) endMs = s.endMs;
  }
  return startMs === Number.POSITIVE_INFINITY || endMs === Number.NEGATIVE_INFINITY
    ? null
    : { startMs, endMs };
}
