/**
 * The Families tab's local index: entries of `goal_families_index` merged by uuid, then filtered,
 * sorted by name and paged here, so that only the visible page's summaries are fetched.
 */
import type { FamilyIndexEntry } from '@goal-families/contract';
import { isoDateIn, periodKindOf } from '@goal-families/ui';
import type { FilterForm } from './familyFilter';

const minIso = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) < Date.parse(a) ? b : a;
const maxIso = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a;
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

/** Two partial views of one family: union of ids, sum of slices, widest period, the larger view's name. */
export function mergeEntry(a: FamilyIndexEntry, b: FamilyIndexEntry): FamilyIndexEntry {
  const lead = b.sliceCount > a.sliceCount ? b : a;
  return {
    uuid: a.uuid,
    name: lead.name,
    goalType: lead.goalType,
    milestone: lead.milestone,
    ownerIds: union(a.ownerIds, b.ownerIds),
    teamIds: union(a.teamIds, b.teamIds),
    sliceCount: a.sliceCount + b.sliceCount,
    periodStart: minIso(a.periodStart, b.periodStart),
    periodEnd: maxIso(a.periodEnd, b.periodEnd),
  };
}

/** Adds one response's entries to the index (a new map; the old one is left as it was). */
export function mergeIndex(
  index: ReadonlyMap<string, FamilyIndexEntry>,
  entries: readonly FamilyIndexEntry[],
): Map<string, FamilyIndexEntry> {
  const out = new Map(index);
  for (const e of entries) {
    const prev = out.get(e.uuid);
    out.set(e.uuid, prev ? mergeEntry(prev, e) : e);
  }
  return out;
}

/**
 * The form's filters applied to the index. Health only where the entries carry it (the stored index:
 * the last health check's verdict); a scanned index has none, and the health filter takes the server path.
 */
export function filterIndex(
  entries: Iterable<FamilyIndexEntry>,
  form: FilterForm,
  timeZone: string,
): FamilyIndexEntry[] {
  const text = form.text.trim().slice(0, 100).toLowerCase();
  const year = /^\d{4}$/.test(form.year) ? form.year : null;
  const out: FamilyIndexEntry[] = [];
  for (const e of entries) {
    if (text && !e.name.toLowerCase().includes(text)) continue;
    if (form.ownerId && !e.ownerIds.includes(form.ownerId)) continue;
    if (form.teamId && !e.teamIds.includes(form.teamId)) continue;
    if (form.goalType && e.goalType !== form.goalType) continue;
    if (form.health === 'healthy' && e.health?.healthy !== true) continue;
    if (form.health === 'broken' && e.health?.healthy !== false) continue;
    // The filter names a period kind; HubSpot stores its own spelling ("annually").
    if (form.milestone && periodKindOf(e.milestone) !== form.milestone) continue;
    if (year !== null) {
      // The family's span overlaps the calendar year in the portal's time zone.
      if (e.periodStart === null || e.periodEnd === null) continue;
      if (isoDateIn(e.periodStart, timeZone).slice(0, 4) > year) continue;
      if (isoDateIn(e.periodEnd, timeZone).slice(0, 4) < year) continue;
    }
    out.push(e);
  }
  return out;
}

/** By name, then uuid: the same order as the server's list. */
export function sortByName(entries: readonly FamilyIndexEntry[]): FamilyIndexEntry[] {
  return [...entries].sort((a, b) => a.name.localeCompare(b.name) || (a.uuid < b.uuid ? -1 : 1));
}

/** Page `page` (1-based, clamped) of `size` entries, and how many pages there are (at least 1). */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(1, page), pages);
  return { items: items.slice((at - 1) * size, at * size), page: at, pages };
}
