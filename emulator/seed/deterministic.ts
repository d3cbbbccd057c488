import { createHash } from 'node:crypto';

/** A uuid derived from a name (sha-1, version 5 layout): the same name always gives the same uuid. */
export function uuidFor(name: string): string {
  const hex = createHash('sha1').update(`goal-families-emulator:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: a small, fast PRNG whose sequence depends only on its 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded PRNG for plausible, repeatable amounts. */
export function seededRandom(seed: string): () => number {
  return mulberry32(Number.parseInt(createHash('sha1').update(seed).digest('hex').slice(0, 8), 16));
}

/** Integer in [low, high] from a PRNG. */
export function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** Integer minor units (cents) as a decimal string with two places: 1234567 → "12345.67". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
