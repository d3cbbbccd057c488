/** The version token of a family: what a plan was computed from (safe-write protocol, step 2). */
import { compareIds } from './grouping';
import { parseInstant } from './instant';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a 64-bit over the UTF-16 code units of a string, as 16 hex digits. Not cryptographic. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

type Versioned = { id: string; properties: Record<string, string | null | undefined> };

/**
 * A deterministic hash of the sorted ids and each one's `hs_lastmodifieddate` (as stored), prefixed
 * with the slice count. Any added, removed or modified slice changes it; input order does not.
 */
export function familyVersion(targets: readonly Versioned[]): string {
  const lines = targets
    // Normalised to epoch ms so that ISO and epoch-ms spellings of one instant agree.
    .map((t) => {
      const raw = t.properties.hs_lastmodifieddate ?? '';
      return { id: t.id, modified: String(parseInstant(raw) ?? raw) };
    })
    .sort(
      (a, b) => compareIds(a.id, b.id) || (a.modified < b.modified ? -1 : a.modified > b.modified ? 1 : 0),
    )
    .map((t) => `${t.id}@${t.modified}`);
  return `v1-${targets.length}-${fnv1a64(lines.join('\n'))}`;
}
