/**
 * The family index kept in the app's own store: one compact row per family (what the Families tab
 * filters, sorts and shows, and the health check's verdict with the time it was computed), packed into
 * signed page records, and one meta record saying which pages make the index, when it was built and
 * up to when it is known to be fresh (the watermark).
 *
 * Two generations of pages (`index:a:<n>`, `index:b:<n>`): a health check writes its rows into the
 * generation the meta does not point at and flips the meta at its end, so a reader never sees a
 * half-built index. The meta and every page of both generations fit one batch read by unique key
 * (1 + 2 × 47 keys, with a change's other keys ≤ 100): the whole index in one call. A record that fails its signature check, or a
 * page missing, makes the index unusable (the Families tab then scans as without an index).
 */
import type { FamilyIndexEntry } from '@goal-families/contract';
import type { Finding } from '@goal-families/domain';
import { type Family, formatInstant, needsRepair } from '@goal-families/domain';
import { z } from 'zod';
import type { AppStore, StoredRecord } from '../ports';

const INDEX_KEY_PREFIX = 'index:';
export const INDEX_META_KEY = `${INDEX_KEY_PREFIX}meta`;
export type Generation = 'a' | 'b';
/**
 * Pages per generation: the meta and both generations (95 keys) stay within one batch read of 100
 * keys, with room for what a change reads with them (the settings and its family's three journal keys).
 */
export const MAX_INDEX_PAGES = 47;
export const pageKey = (gen: Generation, n: number) => `${INDEX_KEY_PREFIX}${gen}:${n}`;
/** Every key of the index: read together in one call. */
export const ALL_INDEX_KEYS: readonly string[] = [
  INDEX_META_KEY,
  ...(['a', 'b'] as const).flatMap((g) =>
    Array.from({ length: MAX_INDEX_PAGES }, (_, i) => pageKey(g, i + 1)),
  ),
];

/**
 * One family, compact: uuid, name, goal type, milestone, owner ids, team ids, slice count, first
 * start and last end (epoch ms), healthy (1/0), finding count, when the row was computed (epoch ms).
 */
export const IndexRow = z.tuple([
  z.string(),
  z.string(),
  z.string(),
  z.string(),
  z.array(z.string()),
  z.array(z.string()),
  z.number().int().min(0),
  z.number().nullable(),
  z.number().nullable(),
  z.union([z.literal(0), z.literal(1)]),
  z.number().int().min(0),
  z.number(),
]);
export type IndexRow = z.infer<typeof IndexRow>;

const IndexPage = z.object({ run: z.number(), rows: z.array(IndexRow) });
type IndexPage = z.infer<typeof IndexPage>;

export const IndexMeta = z.object({
  gen: z.enum(['a', 'b']),
  /** The building health check's start: its pages carry it, so pages of another run do not mix in. */
  run: z.number(),
  pages: z.number().int().min(0).max(MAX_INDEX_PAGES),
  builtAt: z.number(),
  /** Every change to a target before this instant is in the index (the refresh reads what follows). */
  watermark: z.number(),
  /** False when the portal had more families than the pages hold: the index is not used. */
  complete: z.boolean(),
});
export type IndexMeta = z.infer<typeof IndexMeta>;

export type StoredIndex = {
  meta: IndexMeta;
  /** The pages of the meta's generation, in order. */
  pages: IndexRow[][];
};

/** A family's row, from the family in full and its findings. */
export function rowOf(family: Family, findings: readonly Finding[], nowMs: number): IndexRow {
  const owners = new Set<string>();
  const teams = new Set<string>();
  let start: number | null = null;
  let end: number | null = null;
  for (const s of family.slices) {
    if (s.ownerId) owners.add(s.ownerId);
    if (s.teamId) teams.add(s.teamId);
    if (s.startMs !== null) start = start === null ? s.startMs : Math.min(start, s.startMs);
    if (s.endMs !== null) end = end === null ? s.endMs : Math.max(end, s.endMs);
  }
  return [
    family.uuid,
    family.name.value,
    family.goalType.value,
    family.milestone.value,
    [...owners].sort(),
    [...teams].sort(),
    family.slices.length,
    start,
    end,
    needsRepair([...findings]) ? 0 : 1,
    findings.length,
    nowMs,
  ];
}

/** A row as the contract's index entry, with the health check's verdict and its time. */
export function entryOf(row: IndexRow): FamilyIndexEntry {
  const [uuid, name, goalType, milestone, ownerIds, teamIds, sliceCount, start, end, healthy, findings, at] =
    row;
  return {
    uuid,
    name,
    goalType,
    milestone,
    ownerIds,
    teamIds,
    sliceCount,
    periodStart: start === null ? null : formatInstant(start),
    periodEnd: end === null ? null : formatInstant(end),
    health: { healthy: healthy === 1, findingCount: findings, checkedAt: formatInstant(at) },
  };
}

/** Rows packed into page payloads, each within the store's payload limit. */
export function packPages(run: number, rows: readonly IndexRow[], maxChars: number): IndexPage[] {
  const pages: IndexPage[] = [];
  const overhead = JSON.stringify({ run, rows: [] }).length;
  let current: IndexRow[] = [];
  let size = overhead;
  for (const row of rows) {
    const length = JSON.stringify(row).length + 1;
    if (current.length > 0 && size + length > maxChars) {
      pages.push({ run, rows: current });
      current = [];
      size = overhead;
    }
    current.push(row);
    size += length;
  }
  if (current.length > 0) pages.push({ run, rows: current });
  return pages;
}

/**
 * The stored index in one batch read by key, or null when there is none, it is incomplete, or any of
 * its records is missing or fails its check (an index nobody can vouch for is not shown).
 */
export async function readStoredIndex(store: AppStore): Promise<StoredIndex | null> {
  return storedIndexOf(await store.readIndexRecords(ALL_INDEX_KEYS));
}

/** The stored index among records read by key (`ALL_INDEX_KEYS` among them), as `readStoredIndex`. */
export function storedIndexOf(records: readonly StoredRecord[]): StoredIndex | null {
  const byKey = new Map(
    records.filter((r) => r.key.startsWith(INDEX_KEY_PREFIX)).map((r) => [r.key, r] as const),
  );
  const metaRecord = byKey.get(INDEX_META_KEY);
  if (!metaRecord?.trusted) return null;
  const meta = IndexMeta.safeParse(metaRecord.payload);
  if (!meta.success || !meta.data.complete) return null;
  const pages: IndexRow[][] = [];
  for (let n = 1; n <= meta.data.pages; n++) {
    const record = byKey.get(pageKey(meta.data.gen, n));
    if (!record?.trusted) return null;
    const page = IndexPage.safeParse(record.payload);
    if (!page.success || page.data.run !== meta.data.run) return null;
    pages.push(page.data.rows);
  }
  return { meta: meta.data, pages };
}

/** The meta alone (one read by key): which generation a new build writes into. */
export async function readIndexMeta(store: AppStore): Promise<IndexMeta | null> {
  const [record] = await store.readIndexRecords([INDEX_META_KEY]);
  if (!record?.trusted) return null;
  const meta = IndexMeta.safeParse(record.payload);
  return meta.success ? meta.data : null;
}

/** Page records of a run's generation from page `first` on (one batch upsert per 100 records). */
export function pageRecords(
  gen: Generation,
  first: number,
  pages: readonly IndexPage[],
  atIso: string,
): { key: string; payload: unknown; at: string }[] {
  return pages.map((payload, i) => ({ key: pageKey(gen, first + i), payload, at: atIso }));
}

export const metaRecord = (meta: IndexMeta, atIso: string) => ({
  key: INDEX_META_KEY,
  payload: meta,
  at: atIso,
});

/**
 * Replaces (or adds, or with `null` removes) rows in a stored index and answers the records to write:
 * the changed pages, and the meta when its page count or watermark changes. New rows go to the last page, or a new one
 * while there is room; with none, nothing is written and null is answered.
 */
export function patchedRecords(
  index: StoredIndex,
  changes: ReadonlyMap<string, IndexRow | null>,
  watermark: number,
  maxChars: number,
  atIso: string,
): { records: { key: string; payload: unknown; at: string }[]; index: StoredIndex } | null {
  const { meta } = index;
  const pages = index.pages.map((rows) => [...rows]);
  const changed = new Set<number>();
  const placed = new Set<string>();
  pages.forEach((rows, p) => {
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (!row || !changes.has(row[0])) continue;
      const next = changes.get(row[0]) ?? null;
      if (next) rows[i] = next;
      else rows.splice(i, 1);
      placed.add(row[0]);
      changed.add(p);
    }
  });
  for (const [uuid, row] of changes) {
    if (placed.has(uuid) || row === null) continue;
    const last = pages.length - 1;
    const lastRows = pages[last];
    const fits =
      lastRows !== undefined &&
      JSON.stringify({ run: meta.run, rows: [...lastRows, row] }).length <= maxChars;
    if (fits) {
      lastRows.push(row);
      changed.add(last);
    } else {
      if (pages.length >= MAX_INDEX_PAGES) return null;
      pages.push([row]);
      changed.add(pages.length - 1);
    }
  }
  if (changed.size === 0 && watermark <= meta.watermark) return { records: [], index };
  const records = [...changed].map((p) => ({
    key: pageKey(meta.gen, p + 1),
    payload: { run: meta.run, rows: pages[p] ?? [] },
    at: atIso,
  }));
  for (const r of records) if (JSON.stringify(r.payload).length > maxChars) return null;
  const nextMeta: IndexMeta = {
    ...meta,
    pages: pages.length,
    watermark: Math.max(meta.watermark, watermark),
  };
  // The meta only when it changes: a change's row written back must not restore a meta that a health
  // check finishing meanwhile has replaced (its new generation would be dropped).
  const metaChanged = nextMeta.pages !== meta.pages || nextMeta.watermark !== meta.watermark;
  return {
    records: metaChanged ? [...records, metaRecord(nextMeta, atIso)] : records,
    index: { meta: nextMeta, pages },
  };
}
