/**
 * The journal entry's life, through the app store: open (write-ahead, before the first write) →
 * close as applied, rolled back or needing attention. Entries are found by their unique key, read
 * by id (no search, so no lag):
 *
 * - `open:<uuid>`: the family's one unfinished change. The key is unique, so creating it fails while
 *   another change of the family is running or unfinished: it is the family's lock.
 * - `last:<uuid>`: the family's newest applied change: the one undo may take back, and the ids the
 *   app knows the family holds (read by id even while search lags).
 * - `done:<uuid>:<id>`: every other entry.
 *
 * A change that needs attention keeps its `open:` key: the family takes no other change until it is
 * finished or rolled back.
 */
import type { JournalOutcome, SliceOutcome } from '@goal-families/contract';
import { type AppStore, isEdgeFailure } from '../ports';
import { type Entry, fitEntry, parseEntry, type StoredEntry } from './journal';

export const journalKeys = {
  open: (uuid: string) => `open:${uuid}`,
  last: (uuid: string) => `last:${uuid}`,
  done: (uuid: string, id: string) => `done:${uuid}:${id}`,
};

export type FamilyJournal = { open: Entry | null; last: Entry | null };

/** The family's open and newest entries: one batch read by key. */
export async function readFamilyJournal(store: AppStore, uuid: string): Promise<FamilyJournal> {
  const records = await store.readJournalByKeys([journalKeys.open(uuid), journalKeys.last(uuid)]);
  const find = (key: string) => {
    const record = records.find((r) => r.key === key);
    return record ? parseEntry(record) : null;
  };
  return { open: find(journalKeys.open(uuid)), last: find(journalKeys.last(uuid)) };
}

/** The families' open entries (the health check), ≤ 100 per read. */
export async function readOpenEntries(store: AppStore, uuids: readonly string[]): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let i = 0; i < uuids.length; i += 100) {
    const records = await store.readJournalByKeys(uuids.slice(i, i + 100).map(journalKeys.open));
    for (const r of records) {
      const entry = parseEntry(r);
      if (entry) out.push(entry);
    }
  }
  return out;
}

export type Opened = { opened: Entry } | { taken: Entry };

/**
 * Write-ahead: records the change as pending under the family's open key before anything is written.
 * `taken`: another change holds the key (running, or unfinished). Other failures throw: nothing was
 * written, and the change must not go ahead without its record.
 */
export async function openEntry(
  store: AppStore,
  uuid: string,
  payload: StoredEntry,
  createdAt: string,
): Promise<Opened> {
  const fitted = fitEntry(payload, store.maxPayloadChars);
  try {
    const stored = await store.appendJournal({
      familyUuid: uuid,
      key: journalKeys.open(uuid),
      payload: fitted,
      createdAt,
    });
    const opened = parseEntry(stored);
    if (!opened) throw new Error('the journal entry just written cannot be read back');
    return { opened };
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    // A taken key, or a create whose answer was lost: the open entry tells which.
    const now = await readFamilyJournal(store, uuid).catch(() => null);
    const open = now?.open;
    if (!open) throw e;
    const ours =
      open.payload.at === fitted.at &&
      open.payload.by.userId === fitted.by.userId &&
      open.payload.operation === fitted.operation;
    return ours ? { opened: open } : { taken: open };
  }
}

export type Closing = {
  state: 'applied' | 'rolled_back' | 'needs_attention';
  /** Slices the change (or its roll back, re-creating archived ones) created, by id. */
  createdIds: readonly string[];
  /**
   * A rolled-back change that still changed the family's members (archived slices re-created under
   * new ids) becomes the family's newest entry, so that those ids are read by id while search lags.
   */
  changedMembers?: boolean;
  slices?: readonly SliceOutcome[];
  resolution?: StoredEntry['resolution'];
};

const problemOf = (e: unknown) =>
  isEdgeFailure(e) ? e.appError.message : e instanceof Error ? e.message : String(e);

/**
 * Closes an entry in place. Applied: the family's previous newest entry (`previous`, marked undone
 * when this change undid it) steps back and this one becomes the newest. Rolled back: it steps back.
 * Needs attention: it keeps the open key, with each slice's state. A failure leaves the entry open
 * (it shows as unfinished) and is reported, never swallowed.
 */
export async function closeEntry(
  store: AppStore,
  entry: Entry,
  closing: Closing,
  previous: Entry | null,
): Promise<{ outcome: JournalOutcome; entry: Entry }> {
  const payload: StoredEntry = fitEntry(
    {
      ...entry.payload,
      state: closing.state,
      createdIds: [...new Set([...entry.payload.createdIds, ...closing.createdIds])],
      slices: closing.state === 'needs_attention' ? [...(closing.slices ?? [])] : [],
      resolution: closing.resolution ?? entry.payload.resolution,
    },
    store.maxPayloadChars,
  );
  const uuid = entry.familyUuid;
  try {
    const newest =
      closing.state === 'applied' || (closing.state === 'rolled_back' && closing.changedMembers === true);
    if (newest && previous && previous.id !== entry.id) {
      const undone = entry.payload.undoes === previous.id;
      await store.updateJournal(
        previous.id,
        undone ? { ...previous.payload, undoneBy: entry.id } : previous.payload,
        journalKeys.done(uuid, previous.id),
      );
    }
    const key = newest
      ? journalKeys.last(uuid)
      : closing.state === 'rolled_back'
        ? journalKeys.done(uuid, entry.id)
        : undefined;
    const stored = await store.updateJournal(entry.id, payload, key);
    const closed = parseEntry(stored) ?? { ...entry, payload };
    return { outcome: { recorded: true, problem: null }, entry: closed };
  } catch (e) {
    const problem =
      closing.state === 'applied'
        ? `The change was saved in HubSpot, but the activity log could not be updated (${problemOf(e)}). It shows as unfinished in Activity: choose “Finish it” there to close it (nothing is written again).`
        : `The activity log could not be updated (${problemOf(e)}); it shows this change as unfinished.`;
    return { outcome: { recorded: false, problem }, entry };
  }
}
