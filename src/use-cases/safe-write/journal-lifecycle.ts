/**
 * The journal entry's life, through the app store: open (write-ahead, before the first write) →
 * close as applied, rolled back or needing attention. Entries are found by their unique key, read
 * by id (no search, so no lag):
 *
 * - `open:<uuid>`: the family's one unfinished change. The key is unique, so creating it fails while
 *   another change of the family is running or unfinished: it is the family's lock.
 * - `last:<uuid>` or `last:<uuid>:2`: the family's newest applied change: the one undo may take back,
 *   and the ids the app knows the family holds (read by id even while search lags). The newest entry
 *   alternates between the two keys, so that closing a change is one batch update: the previous newest
 *   leaves its key while the closing entry takes the other one, free since the previous close — no
 *   key passes from one record to another within a call, which HubSpot's unique values may refuse.
 * - `done:<uuid>:<id>`: every other entry.
 *
 * A change that needs attention keeps its `open:` key: the family takes no other change until it is
 * finished or rolled back.
 *
 * A pending entry also claims `<uuid>:<id of the newest entry>` in a second unique property (its
 * `follows`): only one change can follow a given entry, so a change whose read of the journal went
 * stale (another change was applied since) cannot even open its entry — no second read of the journal
 * before writing. A change rolled back lets go of it (the entry it followed is the newest again).
 *
 * Every entry is signed (the store checks it on every read). An entry that is not trusted — its
 * signature fails, or it is a pending entry that does not follow the family's newest entry (a copy of
 * an earlier one) — decides nothing: it is no lock, not the newest change, never undone or resolved.
 * Before a change writes, it moves such records out of the family's keys (`setAsideJournal`), so a
 * forged record cannot block a family. docs/security.md says what this cannot stop.
 */
import type { JournalOutcome, SliceOutcome } from '@goal-families/contract';
import { type AppStore, isEdgeFailure, type StoredRecord } from '../ports';

type JournalUpdate = Parameters<AppStore['updateJournals']>[0][number];
/** Family index records written with a close, in its call (see `updateJournals`). */
export type IndexRecordUpdate = NonNullable<Parameters<AppStore['updateJournals']>[1]>[number];

import { type Entry, fitEntry, parseEntry, type StoredEntry } from './journal';

export const journalKeys = {
  open: (uuid: string) => `open:${uuid}`,
  /** The two keys the family's newest entry alternates between (the first is the one it had before). */
  newest: (uuid: string): readonly [string, string] => [`last:${uuid}`, `last:${uuid}:2`],
  done: (uuid: string, id: string) => `done:${uuid}:${id}`,
  /** The unique claim of the change that follows entry `id` (`null`: the family's first change). */
  follows: (uuid: string, id: string | null) => `${uuid}:${id ?? 'none'}`,
};

/** The keys `readFamilyJournal` reads: to be read together with others (`familyJournalOf`). */
export const familyJournalKeys = (uuid: string) => [journalKeys.open(uuid), ...journalKeys.newest(uuid)];

/** The record's key is one its family's newest entry holds. */
export const isNewestKey = (key: string, uuid: string) => journalKeys.newest(uuid).includes(key);

export type FamilyJournal = {
  /** The family's unfinished change (its lock), when it can be believed. */
  open: Entry | null;
  /** The family's newest applied change, when it can be believed. */
  last: Entry | null;
  /**
   * An older entry still under the other newest key (a close HubSpot wrote only in part): the next
   * close moves it back first.
   */
  stale: Entry | null;
  /** Records under the family's keys that cannot be believed (or read as entries): they decide nothing. */
  untrusted: Entry[];
  /** Their record ids, with those whose payload is not an entry at all: a write sets them aside first. */
  blocking: string[];
};

/** A pending entry's signature is made before its record has an id, so a copy of it would check too. */
const copied = (entry: Entry): Entry => ({ ...entry, integrity: 'tampered', trusted: false });

/**
 * A pending entry is believed only while it follows the family's newest entry, as it did when it was
 * opened: a copy of an earlier pending entry, made after the family moved on, does not.
 */
function checkFollows(entry: Entry, newestId: string | null): Entry {
  if (!entry.trusted || entry.payload.state !== 'pending') return entry;
  return entry.payload.follows === newestId ? entry : copied(entry);
}

/** The family's open and newest entries: one batch read by key. */
export async function readFamilyJournal(store: AppStore, uuid: string): Promise<FamilyJournal> {
  return familyJournalOf(await store.readJournalByKeys(familyJournalKeys(uuid)), uuid);
}

/** The family's open and newest entries among records read by key (other records are left aside). */
export function familyJournalOf(records: readonly StoredRecord[], uuid: string): FamilyJournal {
  const at = (key: string): StoredRecord | null =>
    records.find((r) => r.key === key && r.kind === 'journal') ?? null;
  const journal: FamilyJournal = { open: null, last: null, stale: null, untrusted: [], blocking: [] };
  const keep = (record: StoredRecord, entry: Entry | null) => {
    if (entry?.trusted) return entry;
    journal.blocking.push(record.id);
    if (entry) journal.untrusted.push(entry);
    return null;
  };
  const slots = journalKeys
    .newest(uuid)
    .map(at)
    .filter((r): r is StoredRecord => r !== null);
  // Only a closed change (applied, or rolled back with new members) is ever put under a newest key: a
  // pending entry there is a copy (its first signature is not bound to a record).
  const closedOnly = (entry: Entry | null) =>
    entry && (entry.payload.state === 'pending' || entry.payload.state === 'needs_attention')
      ? copied(entry)
      : entry;
  const trusted = slots.map((r) => keep(r, closedOnly(parseEntry(r)))).filter((e): e is Entry => e !== null);
  [journal.last = null, journal.stale = null] = newestFirst(trusted);
  const rawOpen = at(journalKeys.open(uuid));
  const openParsed = rawOpen ? parseEntry(rawOpen) : null;
  const newestId = journal.last?.id ?? slots[0]?.id ?? null;
  if (rawOpen) journal.open = keep(rawOpen, openParsed ? checkFollows(openParsed, newestId) : null);
  return journal;
}

/** Two entries under a family's newest keys: the one that follows the other (else the later) first. */
function newestFirst(entries: readonly Entry[]): Entry[] {
  const [a, b] = entries;
  if (!a || !b) return [...entries];
  if (a.payload.follows === b.id) return [a, b];
  if (b.payload.follows === a.id) return [b, a];
  return a.payload.at >= b.payload.at ? [a, b] : [b, a];
}

/**
 * Moves the records under the family's keys that cannot be believed out of the way (they keep their
 * content and stay visible as not trusted), so that this change can take the lock and, once applied,
 * become the family's newest entry. Only a change about to write does this; a preview reads only.
 */
export async function setAsideUntrusted(store: AppStore, journal: FamilyJournal): Promise<void> {
  for (const id of journal.blocking) await store.setAsideJournal(id);
}

/**
 * Pending entries among `entries` (read by search or id) that do not follow their family's newest
 * entry are marked as copies (`tampered`). One batch read of the newest keys per 50 families, and
 * none when no trusted entry is pending.
 */
export async function checkPendingEntries(store: AppStore, entries: readonly Entry[]): Promise<Entry[]> {
  const pending = entries.filter((e) => e.trusted && e.payload.state === 'pending');
  if (pending.length === 0) return [...entries];
  const uuids = [...new Set(pending.map((e) => e.familyUuid))];
  const newest = new Map<string, string | null>();
  // Two newest keys per family: 50 families per batch read of 100 keys.
  for (let i = 0; i < uuids.length; i += 50) {
    const part = uuids.slice(i, i + 50);
    const records = await store.readJournalByKeys(part.flatMap((u) => journalKeys.newest(u)));
    for (const uuid of part) {
      const family = familyJournalOf(records, uuid);
      const raw = records.find((r) => isNewestKey(r.key, uuid));
      newest.set(uuid, family.last?.id ?? raw?.id ?? null);
    }
  }
  return entries.map((e) =>
    // A pending entry not under its family's open key is not where the app put it.
    e.payload.state === 'pending' && e.key !== journalKeys.open(e.familyUuid)
      ? copied(e)
      : checkFollows(e, newest.get(e.familyUuid) ?? null),
  );
}

/** The families' open entries (the health check), ≤ 100 per read; pending ones still to be checked. */
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

/**
 * `opened`: the change's pending entry, which holds the family's lock. `taken`: another change holds
 * the lock (running, or unfinished). `stale`: another change was applied since `journal` was read.
 */
export type Opened = { opened: Entry } | { taken: Entry } | { stale: true };

/**
 * Write-ahead: records the change as pending under the family's open key before anything is written,
 * following the newest entry in `journal` (the journal as the change read it). Other failures
 * throw: nothing was written, and the change must not go ahead without its record.
 */
export async function openEntry(
  store: AppStore,
  uuid: string,
  payload: StoredEntry,
  createdAt: string,
  journal: FamilyJournal,
): Promise<Opened> {
  const fitted = fitEntry(payload, store.maxPayloadChars);
  const follows = journalKeys.follows(uuid, journal.last?.id ?? null);
  const create = async () => {
    const stored = await store.appendJournal({
      familyUuid: uuid,
      key: journalKeys.open(uuid),
      payload: fitted,
      createdAt,
      follows,
    });
    const opened = parseEntry(stored);
    if (!opened) throw new Error('the journal entry just written cannot be read back');
    return { opened };
  };
  try {
    return await create();
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    // A taken key, or a create whose answer was lost: the journal as it is now tells which.
    const now = await readFamilyJournal(store, uuid).catch(() => null);
    if (!now) throw e;
    const ours = [now.open, ...now.untrusted].find(
      (open) =>
        open !== null &&
        open.key === journalKeys.open(uuid) &&
        open.payload.at === fitted.at &&
        open.payload.by.userId === fitted.by.userId &&
        open.payload.operation === fitted.operation,
    );
    if (ours) return { opened: ours };
    // Held by a change that can be believed; else by a record set there since this change set the
    // untrusted ones aside: the error stands, and the next attempt sets that one aside too.
    if (now.open) return { taken: now.open };
    if (now.untrusted.length > 0) throw e;
    if (now.last?.id !== journal.last?.id || now.last?.version !== journal.last?.version)
      return { stale: true };
    // Nothing was applied since the read, yet the entry it follows is claimed: by a leftover (a
    // change whose roll back could not let go of it, a record set aside, a forged one). It lets go,
    // and the entry is opened once more.
    const released = await store.releaseFollows(follows).catch(() => null);
    if (!released) throw e;
    return create();
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
 * Closes an entry in place, signed anew (bound to its record). Applied: the family's previous newest
 * entry (`previous`, marked undone when this change undid it) steps back and this one becomes the
 * newest, in one batch update (it takes the newest key the previous one does not hold). Rolled back:
 * it steps back and lets go of the entry it followed. Needs attention: it keeps the open key, with each
 * slice's state. `stale`: an older entry left under the other newest key, moved back first.
 * `alongside`: family index records written in the same call, best effort (the answer's `alongside`
 * says whether they were). A failure leaves the entry open (it shows as unfinished) and is reported,
 * never swallowed.
 */
export async function closeEntry(
  store: AppStore,
  entry: Entry,
  closing: Closing,
  previous: Entry | null,
  stale: Entry | null = null,
  alongside: IndexRecordUpdate[] = [],
): Promise<{ outcome: JournalOutcome; entry: Entry; alongside: boolean }> {
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
    const updates: JournalUpdate[] = [];
    let held: string | null = null;
    if (newest && stale && stale.id !== entry.id && stale.id !== previous?.id) {
      // A close HubSpot wrote only in part left it under the other newest key: it steps back first.
      await store.updateJournal(stale.id, stale.payload, { key: journalKeys.done(uuid, stale.id) });
    }
    if (newest && previous && previous.id !== entry.id && !previous.trusted) {
      // Never re-signed (that would launder it): moved out of the newest key, as it is.
      await store.setAsideJournal(previous.id);
    } else if (newest && previous && previous.id !== entry.id) {
      const undone = entry.payload.undoes === previous.id;
      updates.push({
        id: previous.id,
        payload: undone ? { ...previous.payload, undoneBy: entry.id } : previous.payload,
        change: { key: journalKeys.done(uuid, previous.id) },
      });
      held = previous.key;
    }
    const [first, second] = journalKeys.newest(uuid);
    const key = newest
      ? held === first
        ? second
        : first
      : closing.state === 'rolled_back'
        ? journalKeys.done(uuid, entry.id)
        : undefined;
    // A change that left the family as it was no longer follows anything: the next one may.
    const releaseFollows = !newest && closing.state === 'rolled_back';
    updates.push({ id: entry.id, payload, change: { key, releaseFollows } });
    const written = await store.updateJournals(updates, alongside);
    const stored = written.records[written.records.length - 1];
    const closed = (stored && parseEntry(stored)) ?? { ...entry, payload };
    return {
      outcome: { recorded: true, problem: null },
      entry: closed,
      alongside: alongside.length > 0 && written.alongside,
    };
  } catch (e) {
    const problem =
      closing.state === 'applied'
        ? `The change was saved in HubSpot, but the activity log could not be updated (${problemOf(e)}). It shows as unfinished in Activity: choose “Finish it” there to close it (nothing is written again).`
        : `The activity log could not be updated (${problemOf(e)}); it shows this change as unfinished.`;
    return { outcome: { recorded: false, problem }, entry, alongside: false };
  }
}
