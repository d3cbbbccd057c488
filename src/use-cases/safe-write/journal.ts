/**
 * The change journal (F12): one record per applied mutation, with each slice's before and after, so
 * that the last family-wide change can be undone. Changes are stored grouped by (property, before,
 * after) with the ids that share them: a rename of 600 slices is one group, well inside HubSpot's
 * 65,536-character limit for a property value.
 */

import type { Caller, JournalEntryDto } from '@goal-families/contract';
import type { Plan } from '@goal-families/domain';
import { z } from 'zod';
import type { AppStore, StoredRecord } from '../ports';

const StoredEntry = z.object({
  v: z.literal(1),
  at: z.string(),
  /** Entries written before ids alone were kept may hold an email: it is read past, never shown. */
  by: z.object({ userId: z.string() }),
  operation: z.string(),
  familyName: z.string(),
  goalType: z.string().nullable().default(null),
  summary: z.string(),
  groups: z.array(
    z.object({ p: z.string(), b: z.string().nullable(), a: z.string().nullable(), ids: z.array(z.string()) }),
  ),
  undoable: z.boolean(),
  undoneBy: z.string().nullable(),
  /** The entry this one undid, if it is an undo. */
  undoes: z.string().nullable().default(null),
  /** Where the change came from (absent in older entries: a form). */
  source: z.enum(['edit', 'csv-import']).optional(),
  /** The assignee added or removed. */
  assignee: z
    .object({ kind: z.enum(['owner', 'team']), id: z.string() })
    .nullable()
    .optional(),
  /** How many targets the change created (their ids are not known when the entry is written). */
  created: z.number().int().optional(),
});
type StoredEntry = z.infer<typeof StoredEntry>;

/** Operations whose journal entry can be undone: they only updated existing slices. */
const UNDOABLE = new Set(['family-update', 'respread', 'target-update', 'repair', 'undo']);

/** What the journal says about the family a change was made to, and where the change came from. */
export type JournalFamily = {
  name: string;
  goalType: string | null;
  source?: 'edit' | 'csv-import';
  assignee?: { kind: 'owner' | 'team'; id: string } | null;
};

export function entryFor(
  plan: Plan,
  caller: Caller,
  atIso: string,
  family: JournalFamily,
  undoes: string | null,
  /** The store's limit for one record's payload. */
  maxChars: number,
): StoredEntry {
  const groups = new Map<string, StoredEntry['groups'][number]>();
  for (const u of plan.updates) {
    for (const [p, a] of Object.entries(u.after)) {
      const b = u.before[p] ?? null;
      const key = JSON.stringify([p, b, a]);
      const g = groups.get(key);
      if (g) g.ids.push(u.id);
      else groups.set(key, { p, b, a, ids: [u.id] });
    }
  }
  for (const a of plan.archives) {
    const key = JSON.stringify(['archived', 'false', 'true']);
    const g = groups.get(key);
    if (g) g.ids.push(a.id);
    else groups.set(key, { p: 'archived', b: 'false', a: 'true', ids: [a.id] });
  }
  const entry: StoredEntry = {
    v: 1,
    at: atIso,
    // The user id only: names are looked up when shown, and the journal keeps no emails.
    by: { userId: caller.userId },
    operation: plan.operation,
    familyName: family.name,
    goalType: family.goalType,
    summary: plan.summary,
    groups: [...groups.values()],
    undoable: UNDOABLE.has(plan.operation) && plan.creates.length === 0 && plan.archives.length === 0,
    undoneBy: null,
    undoes,
    ...(family.source && family.source !== 'edit' ? { source: family.source } : {}),
    ...(family.assignee ? { assignee: family.assignee } : {}),
    ...(plan.creates.length > 0 ? { created: plan.creates.length } : {}),
  };
  // Too big for one record (huge re-spreads): keep the summary, give up undo.
  if (JSON.stringify(entry).length > maxChars - 1_000) return { ...entry, groups: [], undoable: false };
  return entry;
}

/** An entry with what its record's signature check found: an entry that is not `trusted` decides nothing. */
type ReadEntry = StoredEntry & {
  id: string;
  familyUuid: string;
  integrity: StoredRecord['integrity'];
  trusted: boolean;
};

export function parseEntry(record: StoredRecord): ReadEntry | null {
  const parsed = StoredEntry.safeParse(record.payload);
  return parsed.success
    ? {
        ...parsed.data,
        id: record.id,
        familyUuid: record.familyUuid,
        integrity: record.integrity,
        trusted: record.trusted,
      }
    : null;
}

export function presentEntry(e: ReadEntry, assigneeName?: string): JournalEntryDto {
  return {
    id: e.id,
    at: e.at,
    by: { userId: e.by.userId },
    operation: e.operation,
    familyUuid: e.familyUuid,
    familyName: e.familyName,
    goalType: e.goalType,
    summary: e.summary,
    changes: e.groups.flatMap((g) => g.ids.map((id) => ({ id, property: g.p, before: g.b, after: g.a }))),
    // Undo never acts on an entry that failed its signature check.
    undoable: e.undoable && e.undoneBy === null && e.trusted,
    undoneBy: e.undoneBy,
    integrity: e.integrity,
    trusted: e.trusted,
    ...(e.source ? { source: e.source } : {}),
    ...(e.assignee ? { assignee: { ...e.assignee, ...(assigneeName ? { name: assigneeName } : {}) } } : {}),
    ...(e.created !== undefined ? { created: e.created } : {}),
  };
}

/** Records an applied plan; a journal failure never undoes the change itself (the id is then null). */
export async function record(
  store: AppStore,
  plan: Plan,
  caller: Caller,
  atMs: number,
  family: JournalFamily,
  undoes: string | null = null,
): Promise<string | null> {
  try {
    const at = new Date(atMs).toISOString();
    const stored = await store.appendJournal({
      familyUuid: plan.familyUuid,
      key: `${plan.operation}:${plan.familyUuid}:${atMs}`,
      createdAt: at,
      payload: entryFor(plan, caller, at, family, undoes, store.maxPayloadChars),
    });
    if (undoes) {
      const undone = await store.readJournal(undoes);
      if (undone) await store.updateJournal(undoes, { ...(undone.payload as object), undoneBy: stored.id });
    }
    return stored.id;
  } catch {
    return null;
  }
}
