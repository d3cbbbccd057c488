/**
 * Client-chosen ids for create and clone, so that a retried call never duplicates a family.
 * Built on `crypto.getRandomValues` (present in every worker) rather than `crypto.randomUUID`,
 * which only exists in secure contexts.
 */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

const defaultRandom: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/** An RFC 4122 version-4 uuid. */
export function newUuid(random: RandomBytes = defaultRandom): string {
  const bytes = random(new Uint8Array(16));
  // Version 4 and the RFC 4122 variant bits.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
