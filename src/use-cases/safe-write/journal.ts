/**
 * The change journal (F12) and write-ahead record of every mutation: what one entry holds and how it
 * reads. An entry is written *before* the first write of a change (state `pending`), with everything
 * needed to finish, roll back or undo it without guessing:
 *
 * - the family's slice ids before the change (`beforeIds`: created slices are the ones not among them);
 * - each updated property's value before and after, grouped by (property, before, after) with the ids
 *   that share them (a 600-slice rename is one group); `b: null` means the property was empty;
 * - every planned create's properties, and the created ids once HubSpot gave them (`createdIds`);
 * - every archived slice's writable properties (`archives`), so that it can be re-created.
 *
 * Property bags are stored as a table (columns, per-column value lists, rows of indexes): a family's
 * slices share most values, so 1,200 slices fit well inside one record's 65,000 characters. An entry
 * that still does not fit keeps its summary and ids and is `truncated`: it cannot be undone or resolved.
 * How entries are stored (and found by key) is `journal-lifecycle.ts`'s job.
 */

import { type Caller, type JournalEntryDto, JournalState, SliceOutcome } from '@goal-families/contract';
import type { Plan, RecordedChange } from '@goal-families/domain';
import { READ_ONLY_PROPERTIES } from '@goal-families/domain';
import { z } from 'zod';
import type { CrmRecord, RecordIntegrity, StoredRecord } from '../ports';

/** Property bags as a table: `rows[r][c]` indexes `values[c]` (-1: the property is absent). */
const Table = z.object({
  cols: z.array(z.string()),
  values: z.array(z.array(z.string())),
  rows: z.array(z.array(z.number().int())),
});
type Table = z.infer<typeof Table>;

const EMPTY_TABLE: Table = { cols: [], values: [], rows: [] };

const Group = z.object({
  p: z.string(),
  b: z.string().nullable(),
  a: z.string().nullable(),
  ids: z.array(z.string()),
});

/** Who: the user id only (names are looked up when shown; the journal keeps no emails). */
const By = z.object({ userId: z.string() });

export const StoredEntry = z.object({
  v: z.literal(2),
  state: JournalState,
  at: z.string(),
  by: By,
  operation: z.string(),
  familyName: z.string(),
  goalType: z.string().nullable(),
  summary: z.string(),
  beforeIds: z.array(z.string()),
  groups: z.array(Group),
  creates: Table,
  createdIds: z.array(z.string()),
  archives: z.object({ ids: z.array(z.string()), properties: Table }),
  /** Each slice's state when the change needs attention. */
  slices: z.array(SliceOutcome).default([]),
  /** Too large for one record: only the summary and the ids that fit are kept; no undo, no resolve. */
  truncated: z.boolean().default(false),
  undoneBy: z.string().nullable().default(null),
  /**
   * The family's newest entry (its id) when this one was opened, or null: a pending entry names what
   * it follows, so that a copy of it made later, after the family moved on, is not believed.
   */
  follows: z.string().nullable().default(null),
  /** The entry this one undid, if it is an undo. */
  undoes: z.string().nullable().default(null),
  /** Where the change came from (absent: a form). */
  source: z.enum(['edit', 'csv-import']).optional(),
  /** The assignee added or removed. */
  assignee: z
    .object({ kind: z.enum(['owner', 'team']), id: z.string() })
    .nullable()
    .optional(),
  /** Who finished or rolled back this change after it was interrupted. */
  resolution: z
    .object({ action: z.enum(['finish', 'roll_back']), by: By, at: z.string() })
    .nullable()
    .default(null),
});
export type StoredEntry = z.infer<typeof StoredEntry>;

/** Entries written before the write-ahead journal: shown, never undone. */
const LegacyEntry = z.object({
  v: z.literal(1),
  at: z.string(),
  /** Entries written before ids alone were kept may hold an email: it is read past, never shown. */
  by: By,
  operation: z.string(),
  familyName: z.string(),
  goalType: z.string().nullable().default(null),
  summary: z.string(),
  groups: z.array(Group),
  undoneBy: z.string().nullable(),
});

/** A journal record as the use cases see it: the stored record plus its parsed payload. */
export type Entry = {
  id: string;
  key: string;
  familyUuid: string;
  /** The record's `hs_lastmodifieddate` (HubSpot's clock): when it was last written. */
  version: string;
  payload: StoredEntry;
  /** Written by an earlier version of the app (no write-ahead data). */
  legacy: boolean;
  /** What its signature check found (`tampered` too for a pending entry copied from elsewhere). */
  integrity: RecordIntegrity;
  /** Whether decisions may rest on it: an entry that is not trusted is shown, and decides nothing. */
  trusted: boolean;
};

/** What the journal says about the family a change was made to, and where the change came from. */
export type JournalFamily = {
  name: string;
  goalType: string | null;
  source?: 'edit' | 'csv-import';
  assignee?: { kind: 'owner' | 'team'; id: string } | null;
};

export function encodeTable(bags: readonly Record<string, string | null | undefined>[]): Table {
  const cols = [...new Set(bags.flatMap((b) => Object.keys(b)))].sort();
  const values: string[][] = cols.map(() => []);
  const index = cols.map(() => new Map<string, number>());
  const rows = bags.map((bag) =>
    cols.map((c, i) => {
      const v = bag[c];
      if (v === null || v === undefined) return -1;
      const seen = index[i]?.get(v);
      if (seen !== undefined) return seen;
      const column = values[i] ?? [];
      column.push(v);
      index[i]?.set(v, column.length - 1);
      return column.length - 1;
    }),
  );
  return { cols, values, rows };
}

export function decodeTable(t: Table): Record<string, string>[] {
  return t.rows.map((row) => {
    const bag: Record<string, string> = {};
    row.forEach((at, i) => {
      const col = t.cols[i];
      const v = at >= 0 ? t.values[i]?.[at] : undefined;
      if (col !== undefined && v !== undefined) bag[col] = v;
    });
    return bag;
  });
}

/** What an archived slice needs to be re-created: its writable, non-empty properties. */
export function writableProperties(properties: CrmRecord['properties']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (v !== null && v !== undefined && v !== '' && !READ_ONLY_PROPERTIES.includes(k)) out[k] = v;
  }
  return out;
}

/** The pending entry of a plan about to be applied to `before` (the family's records as read). */
export function pendingEntry(
  plan: Plan,
  before: readonly CrmRecord[],
  caller: Caller,
  atIso: string,
  family: JournalFamily,
  undoes: string | null,
  follows: string | null,
): StoredEntry {
  const groups = new Map<string, z.infer<typeof Group>>();
  for (const u of plan.updates) {
    for (const [p, a] of Object.entries(u.after)) {
      const b = u.before[p] ?? null;
      const key = JSON.stringify([p, b, a]);
      const g = groups.get(key);
      if (g) g.ids.push(u.id);
      else groups.set(key, { p, b, a, ids: [u.id] });
    }
  }
  const byId = new Map(before.map((r) => [r.id, r]));
  return {
    v: 2,
    state: 'pending',
    at: atIso,
    // The user id only: names are looked up when shown, and the journal keeps no emails.
    by: { userId: caller.userId },
    operation: plan.operation,
    familyName: family.name,
    goalType: family.goalType,
    summary: plan.summary,
    beforeIds: before.map((r) => r.id),
    groups: [...groups.values()],
    creates: encodeTable(plan.creates.map((c) => c.properties)),
    createdIds: [],
    archives: {
      ids: plan.archives.map((a) => a.id),
      properties: encodeTable(plan.archives.map((a) => writableProperties(byId.get(a.id)?.properties ?? {}))),
    },
    slices: [],
    truncated: false,
    undoneBy: null,
    follows,
    undoes,
    resolution: null,
    ...(family.source && family.source !== 'edit' ? { source: family.source } : {}),
    ...(family.assignee ? { assignee: family.assignee } : {}),
  };
}

/**
 * The entry as it can be stored: when it is too big for one record (a huge re-spread), the property
 * tables and before values go and `truncated` says it cannot be undone or resolved.
 */
export function fitEntry(entry: StoredEntry, maxChars: number): StoredEntry {
  if (JSON.stringify(entry).length <= maxChars - 1_000) return entry;
  const slim: StoredEntry = {
    ...entry,
    truncated: true,
    groups: [],
    creates: EMPTY_TABLE,
    archives: { ids: entry.archives.ids, properties: EMPTY_TABLE },
  };
  if (JSON.stringify(slim).length <= maxChars - 1_000) return slim;
  return { ...slim, beforeIds: [], archives: { ids: [], properties: EMPTY_TABLE }, createdIds: [] };
}

export function parseEntry(record: StoredRecord): Entry | null {
  const base = {
    id: record.id,
    key: record.key,
    familyUuid: record.familyUuid,
    version: record.version,
    integrity: record.integrity,
    trusted: record.trusted,
  };
  const parsed = StoredEntry.safeParse(record.payload);
  if (parsed.success) return { ...base, payload: parsed.data, legacy: false };
  const legacy = LegacyEntry.safeParse(record.payload);
  if (!legacy.success) return null;
  const old = legacy.data;
  return {
    ...base,
    legacy: true,
    payload: {
      v: 2,
      state: 'applied',
      at: old.at,
      by: old.by,
      operation: old.operation,
      familyName: old.familyName,
      goalType: old.goalType,
      summary: old.summary,
      beforeIds: [],
      groups: old.groups,
      creates: EMPTY_TABLE,
      createdIds: [],
      archives: { ids: [], properties: EMPTY_TABLE },
      slices: [],
      truncated: true,
      undoneBy: old.undoneBy,
      follows: null,
      undoes: null,
      resolution: null,
    },
  };
}

/** The change an entry recorded, for the domain's undo, finish and roll-back planners. */
export function recordedChange(entry: Entry): RecordedChange {
  const p = entry.payload;
  const archived = decodeTable(p.archives.properties);
  return {
    uuid: entry.familyUuid,
    beforeIds: p.beforeIds,
    updates: p.groups
      .filter((g) => g.p !== 'archived' && g.a !== null)
      .flatMap((g) => g.ids.map((id) => ({ id, property: g.p, before: g.b, after: g.a ?? '' }))),
    creates: decodeTable(p.creates).map((properties) => ({ properties })),
    createdIds: p.createdIds,
    archives: p.archives.ids.map((id, i) => ({ id, properties: archived[i] ?? {} })),
  };
}

/** The family's slice ids after the change, as far as the entry knows them. */
export function membersAfter(entry: Entry): string[] {
  const p = entry.payload;
  const archived = new Set(p.archives.ids);
  return [...new Set([...p.beforeIds.filter((id) => !archived.has(id)), ...p.createdIds])];
}

export const isUnfinished = (entry: Entry) =>
  entry.payload.state === 'pending' || entry.payload.state === 'needs_attention';

/** Why an entry cannot be undone, in plain words, or null when it can. */
export type UndoContext = {
  /** It is the family's newest applied change. */
  newest: boolean;
  /** A slice of the family was modified after it (by someone else, or outside the app). */
  changedSince: boolean;
};

/** Why an entry that is not trusted decides nothing, in plain words. */
export const untrustedReason = (entry: Entry) =>
  entry.integrity === 'tampered'
    ? 'This change record was altered outside the app, so the app does not act on it.'
    : 'This change record was not signed by the app, so the app does not act on it.';

export function notUndoableReason(entry: Entry, ctx: UndoContext): string | null {
  const p = entry.payload;
  if (!entry.trusted) return untrustedReason(entry);
  if (p.undoneBy !== null) return 'This change was undone already.';
  if (p.state === 'pending' || p.state === 'needs_attention') {
    return 'This change did not finish: finish it or roll it back first.';
  }
  if (p.state === 'rolled_back')
    return 'Nothing to undo: this change did not go through (the goal is as it was).';
  if (entry.legacy)
    return 'This change was recorded by an earlier version of the app, which kept too little to undo it safely.';
  if (p.truncated) return 'This change was too large to record in full, so it cannot be undone from the app.';
  if (!ctx.newest)
    return 'Only the newest change of a goal can be undone, and this goal has changed again since.';
  if (ctx.changedSince)
    return 'The goal changed since (outside this change), so undoing it would overwrite those edits.';
  return null;
}

export function presentEntry(entry: Entry, ctx: UndoContext, assigneeName?: string): JournalEntryDto {
  const p = entry.payload;
  const reason = notUndoableReason(entry, ctx);
  return {
    id: entry.id,
    at: p.at,
    by: p.by,
    operation: p.operation,
    familyUuid: entry.familyUuid,
    familyName: p.familyName,
    goalType: p.goalType,
    summary: p.summary,
    state: p.state,
    changes: [
      ...p.groups.flatMap((g) => g.ids.map((id) => ({ id, property: g.p, before: g.b, after: g.a }))),
      ...p.archives.ids.map((id) => ({ id, property: 'archived', before: 'false', after: 'true' })),
    ],
    createdIds: p.createdIds,
    undoable: reason === null,
    notUndoableReason: reason,
    undoneBy: p.undoneBy,
    resolvable: isUnfinished(entry) && !p.truncated && entry.trusted,
    slices: p.slices,
    integrity: entry.integrity,
    trusted: entry.trusted,
    ...(p.source ? { source: p.source } : {}),
    ...(p.assignee ? { assignee: { ...p.assignee, ...(assigneeName ? { name: assigneeName } : {}) } } : {}),
    ...(p.creates.rows.length > 0 ? { created: p.creates.rows.length } : {}),
  };
}
