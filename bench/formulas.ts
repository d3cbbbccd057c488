/**
 * What each benchmarked operation must cost at the least (the lower bound) and what the naive way
 * costs, in HubSpot API calls, as functions of the size. Each formula carries its own text so the
 * report prints exactly what was computed.
 *
 * Lower bound: the calls no correct implementation can avoid — the reads that find the records (search
 * is the only way to find slices by their shared uuid; 200 a page) and the writes in batches of 100.
 * Checks and read-backs of the safe-write protocol are *not* in the lower bound: they are the price of
 * safety, and the report shows them as the difference.
 * Naive: one PATCH / DELETE / POST per slice, as HubSpot's single-record endpoints invite, plus the
 * same reads to find the slices.
 */
import { DEFAULT_RATE_LIMITS } from '@goal-families/emulator';
import { LIMITS } from '../src/gateway';

export const BATCH = LIMITS.batchInputs;
export const SEARCH_PAGE = LIMITS.searchPage;
export const LIST_PAGE = LIMITS.listPage;

const pages = (n: number, perPage: number) => (n <= 0 ? 0 : Math.ceil(n / perPage));

export type Bound = { calls: number; formula: string };

/**
 * The card's first paint for an owner whose families hold `slices` slices in all: the owner's slices
 * (search) and the app's settings record (who may edit, what the card shows), one read.
 */
export function firstPaintLowerBound(slices: number): Bound {
  return {
    calls: Math.max(1, pages(slices, SEARCH_PAGE)) + 1,
    formula: `max(1, ⌈S/${SEARCH_PAGE}⌉) searches for the owner's slices + 1 settings read`,
  };
}

/**
 * The naive card lists the owner's families, then asks for each one separately (one search by uuid,
 * paged: ⌈f/200⌉ each for families of `familySize` slices).
 */
export function firstPaintNaive(slices: number, families: number, familySize = 0): Bound {
  const perFamily = Math.max(1, pages(familySize, SEARCH_PAGE));
  return {
    calls: Math.max(1, pages(slices, SEARCH_PAGE)) + 1 + families * perFamily,
    formula: `⌈S/${SEARCH_PAGE}⌉ + 1 + F⌈f/${SEARCH_PAGE}⌉ (list and settings, then each family by its own search)`,
  };
}

/** Opening one family of `n` slices (the family detail): finding its slices is the least it takes. */
export function openFamilyLowerBound(n: number): Bound {
  return { calls: Math.max(1, pages(n, SEARCH_PAGE)), formula: `⌈n/${SEARCH_PAGE}⌉ searches` };
}

export function openFamilyNaive(n: number): Bound {
  return {
    calls: Math.max(1, pages(n, SEARCH_PAGE)) + n,
    formula: `⌈n/${SEARCH_PAGE}⌉ searches + n GET by id`,
  };
}

/** A family-wide property change (rename) of a family of `n` slices. */
export function renameLowerBound(n: number): Bound {
  return {
    calls: pages(n, SEARCH_PAGE) + pages(n, BATCH),
    formula: `⌈n/${SEARCH_PAGE}⌉ searches + ⌈n/${BATCH}⌉ batch updates`,
  };
}

export function renameNaive(n: number): Bound {
  return { calls: pages(n, SEARCH_PAGE) + n, formula: `⌈n/${SEARCH_PAGE}⌉ searches + n PATCH` };
}

/** Archiving a whole family of `n` slices. */
export function archiveLowerBound(n: number): Bound {
  return {
    calls: pages(n, SEARCH_PAGE) + pages(n, BATCH),
    formula: `⌈n/${SEARCH_PAGE}⌉ searches + ⌈n/${BATCH}⌉ batch archives`,
  };
}

export function archiveNaive(n: number): Bound {
  return { calls: pages(n, SEARCH_PAGE) + n, formula: `⌈n/${SEARCH_PAGE}⌉ searches + n DELETE` };
}

/** Creating a family of `n` = assignees × periods slices: nothing to read first. */
export function createLowerBound(n: number): Bound {
  return { calls: pages(n, BATCH), formula: `⌈n/${BATCH}⌉ batch creates` };
}

export function createNaive(n: number): Bound {
  return { calls: n, formula: 'n POST (one per slice)' };
}

/**
 * A full health check of a portal of `n` targets: every target must be read once; search pages
 * hold 200 (keyset paging on `hs_object_id` gets past the 10,000-result cap).
 */
export function healthLowerBound(n: number): Bound {
  return { calls: Math.max(1, pages(n, SEARCH_PAGE)), formula: `⌈N/${SEARCH_PAGE}⌉ search pages` };
}

/** The naive check lists every target (100 a page) to learn the families, then searches each family. */
export function healthNaive(n: number, families: number): Bound {
  return {
    calls: Math.max(1, pages(n, LIST_PAGE)) + families,
    formula: `⌈N/${LIST_PAGE}⌉ list pages + F searches (one per family)`,
  };
}

/**
 * The admin panel's unfiltered list of a portal of `n` targets, from the family index a health check
 * keeps in the app's store: at least the one read of the index, whatever `n`. (Without a stored index
 * every target must be read once to know its families: the naive column.)
 */
export function adminListLowerBound(_n: number): Bound {
  // The index kept in the app's store: one batch read by key, whatever N.
  return { calls: 1, formula: '1 batch read of the stored index' };
}

/** The naive list reads every target (100 a page) in one invocation to learn the families, then the page. */
export function adminListNaive(n: number): Bound {
  return {
    calls: Math.max(1, pages(n, LIST_PAGE)) + 1,
    formula: `⌈N/${LIST_PAGE}⌉ list pages + 1 page search`,
  };
}

/** HubSpot's sustained rates: the general limit (190 per 10 s, list and batch calls) and search's 5 per second. */
export const GENERAL_PER_SECOND = DEFAULT_RATE_LIMITS.tenSecondlyMax / 10;
export const SEARCH_PER_SECOND = DEFAULT_RATE_LIMITS.searchPerSecond;

/** The least time a set of calls can take at HubSpot's sustained rates, whatever the latency. */
export type Floor = { ms: number; formula: string };

/**
 * A full scan of `n` targets: every target read once, through the list endpoint (100 a page, general
 * limit) or through search (200 a page, 5 per second), whichever is faster.
 */
export function scanFloor(n: number): Floor {
  const list = pages(n, LIST_PAGE) / GENERAL_PER_SECOND;
  const search = pages(n, SEARCH_PAGE) / SEARCH_PER_SECOND;
  return {
    ms: Math.round(Math.min(list, search) * 1_000),
    formula: `min(⌈N/${LIST_PAGE}⌉/${GENERAL_PER_SECOND}, ⌈N/${SEARCH_PAGE}⌉/${SEARCH_PER_SECOND}) s`,
  };
}

/** `searches` search calls and `general` other calls, each at its own sustained rate, side by side. */
export function callsFloor(searches: number, general: number, formula: string): Floor {
  return {
    ms: Math.round(Math.max(searches / SEARCH_PER_SECOND, general / GENERAL_PER_SECOND) * 1_000),
    formula,
  };
}
