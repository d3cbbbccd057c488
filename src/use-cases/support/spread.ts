/** The contract's spread (decimal strings) → the domain's (cents). Inputs are already validated. */
import type { Spread } from '@goal-families/contract';
import type { SpreadRequest } from '@goal-families/domain';
import { parseMoney } from '@goal-families/domain';

const cents = (s: string) => parseMoney(s) ?? 0;

export function toSpreadRequest(spread: Spread): SpreadRequest {
  switch (spread.mode) {
    case 'even':
      return { mode: 'even', totalCents: cents(spread.total) };
    case 'weighted':
      return { mode: 'weighted', totalCents: cents(spread.total), weights: [...spread.weights] };
    case 'explicit':
      return { mode: 'explicit', amounts: spread.amounts.map(cents) };
  }
}
