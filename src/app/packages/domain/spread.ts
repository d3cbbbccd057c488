/** F6: split an amount over periods exactly to the cent (largest remainder), deterministically. */
import { type Cents, parseMoney, sumCents } from './money';
import { type DomainResult, err, ok } from './result';

/** How to split: even, by non-negative integer weights (seasonality), or an explicit list. */
export type SpreadRequest =
  | { mode: 'even'; totalCents: Cents }
  | { mode: 'weighted'; totalCents: Cents; weights: readonly number[] }
  | { mode: 'explicit'; amounts: readonly Cents[] };

/** `n` parts differing by at most one cent, summing to the total; the extra cents go first. */
export function spreadEven(totalCents: Cents, n: number): Cents[] {
  const weights = new Array<number>(Math.max(0, n)).fill(1);
  const r = spreadWeighted(totalCents, weights);
  if (!r.ok) throw new RangeError(r.error.message);
  return r.value;
}

/**
 * Parts proportional to the weights, summing exactly to the total. Each part gets the floor of its
 * exact share; the cents left over go one each to the largest fractional remainders, ties to the
 * earlier period. Negative totals are split by magnitude and keep their sign.
 */
export function spreadWeighted(totalCents: Cents, weights: readonly number[]): DomainResult<Cents[]> {
  if (weights.length === 0) return err('NO_PERIODS', 'there are no periods to spread over');
  let weightSum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) return err('INVALID_WEIGHTS', 'weights must be whole numbers ≥ 0');
    weightSum += BigInt(w);
  }
  if (weightSum === 0n) {
    if (totalCents !== 0n) return err('INVALID_WEIGHTS', 'at least one weight must be above 0');
    return ok(weights.map(() => 0n));
  }
  const negative = totalCents < 0n;
  const total = negative ? -totalCents : totalCents;
  const parts = weights.map((w, index) => {
    const exact = total * BigInt(w);
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let left = total;
  for (const p of parts) left -= p.floor;
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (let i = 0; left > 0n; i++, left--) {
    const p = order[i % order.length] as (typeof order)[number];
    p.floor += 1n;
  }
  return ok(parts.map((p) => (negative ? -p.floor : p.floor)));
}

/** Checks an explicit list against the number of periods (and the total, when one is given). */
export function spreadExplicit(
  amounts: readonly Cents[],
  n: number,
  totalCents?: Cents,
): DomainResult<Cents[]> {
  if (amounts.length !== n) {
    return err('WRONG_COUNT', `${amounts.length} amounts were given for ${n} periods`);
  }
  if (amounts.some((a) => a < 0n)) {
    return err('INVALID_AMOUNTS', 'amounts must not be negative');
  }
  if (totalCents !== undefined) {
    if (sumCents(amounts) !== totalCents) return err('WRONG_TOTAL', 'the amounts do not add up to the total');
  }
  return ok([...amounts]);
}

/** The total a request spreads (for explicit lists, their sum). */
export function requestTotal(request: SpreadRequest): Cents {
  return request.mode === 'explicit' ? sumCents(request.amounts) : request.totalCents;
}

/** Applies a request to `n` periods, with `totalCents` overriding the request's own total. */
export function spreadAmounts(request: SpreadRequest, n: number, totalCents?: Cents): DomainResult<Cents[]> {
  switch (request.mode) {
    case 'even':
      if (n === 0) return err('NO_PERIODS', 'there are no periods to spread over');
      return spreadWeighted(totalCents ?? request.totalCents, new Array<number>(n).fill(1));
    case 'weighted':
      if (request.weights.length !== n) {
        return err('WRONG_COUNT', `${request.weights.length} weights were given for ${n} periods`);
      }
      return spreadWeighted(totalCents ?? request.totalCents, request.weights);
    case 'explicit':
      return spreadExplicit(request.amounts, n, totalCents);
  }
}

export type RespreadSlice = { id: string; startMs: number | null; targetCents: Cents | null };
export type Respread = {
  /** Slices starting before `fromMs`: their amounts stay. */
  kept: { id: string; targetCents: Cents }[];
  /** Slices from `fromMs` on, with their new amounts, in period order. */
  spread: { id: string; targetCents: Cents }[];
  keptCents: Cents;
  remainingCents: Cents;
};

/**
 * Keeps the periods that start before `fromMs` and spreads what remains of the total (total minus
 * kept) over the rest. For an explicit list the total is kept + the list. Slices must be one
 * assignee's group; a missing amount on a kept slice counts as 0, a missing start sorts last.
 */
export function respread(
  slices: readonly RespreadSlice[],
  fromMs: number,
  request: SpreadRequest,
): DomainResult<Respread> {
  const ordered = [...slices].sort(
    (a, b) =>
      (a.startMs ?? Number.POSITIVE_INFINITY) - (b.startMs ?? Number.POSITIVE_INFINITY) ||
      (a.id < b.id ? -1 : 1),
  );
  const kept = ordered.filter((s) => s.startMs !== null && s.startMs < fromMs);
  const rest = ordered.filter((s) => !(s.startMs !== null && s.startMs < fromMs));
  if (rest.length === 0) return err('NO_PERIODS_LEFT', 'no period starts on or after the chosen date');
  const keptCents = sumCents(kept.map((s) => s.targetCents));
  const remainingCents = request.mode === 'explicit' ? requestTotal(request) : request.totalCents - keptCents;
  if (remainingCents < 0n) {
    return err(
      'NEGATIVE_REMAINDER',
      'the periods already past add up to more than the new total; raise the total or choose an earlier date',
    );
  }
  const amounts = spreadAmounts(request, rest.length, remainingCents);
  if (!amounts.ok) return amounts;
  return ok({
    kept: kept.map((s) => ({ id: s.id, targetCents: s.targetCents ?? 0n })),
    spread: rest.map((s, i) => ({ id: s.id, targetCents: amounts.value[i] as Cents })),
    keptCents,
    remainingCents,
  });
}

/** A spread as the contract carries it: money as decimal strings. */
export type SpreadInput =
  | { mode: 'even'; total: string }
  | { mode: 'weighted'; total: string; weights: readonly number[] }
  | { mode: 'explicit'; amounts: readonly string[] };

/** Converts the contract's spread (decimal strings) into cents; an error names the bad amount. */
export function spreadRequestFromInput(input: SpreadInput): DomainResult<SpreadRequest> {
  const cents = (raw: string) => parseMoney(raw);
  if (input.mode === 'explicit') {
    const amounts: Cents[] = [];
    for (const raw of input.amounts) {
      const c = cents(raw);
      if (c === null) return err('INVALID_AMOUNT', `"${raw}" is not an amount`);
      amounts.push(c);
    }
    return ok({ mode: 'explicit', amounts });
  }
  const totalCents = cents(input.total);
  if (totalCents === null) return err('INVALID_AMOUNT', `"${input.total}" is not an amount`);
  return ok(
    input.mode === 'even'
      ? { mode: 'even', totalCents }
      : { mode: 'weighted', totalCents, weights: input.weights },
  );
}
