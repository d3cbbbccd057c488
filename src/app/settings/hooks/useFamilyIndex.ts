import type { AppError, FamilyIndexEntry, FunctionResult } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { mergeIndex } from '../utils/familyIndex';

/** The stored index's age: when it was built and up to when it holds every change. */
export type StoredIndexInfo = { builtAt: string; freshAt: string; refreshing: boolean };

export type FamilyIndexState =
  /** Reading the index the health check keeps (one call). */
  | { status: 'opening' }
  | { status: 'scanning'; progress: number }
  | { status: 'error'; error: AppError }
  | {
      status: 'ready';
      index: ReadonlyMap<string, FamilyIndexEntry>;
      /** The last scan call's share of HubSpot's rate limits: the page call counts it (no 429 after a scan). */
      budget?: string;
      /** Present when the index came from the app's store (entries carry their health); absent: scanned now. */
      stored?: StoredIndexInfo;
    };

type IndexAnswer = Extract<FunctionResult<'goal_families_index'>, { ok: true }>;

const fromStore = (answer: IndexAnswer, refreshing: boolean): FamilyIndexState | null =>
  answer.stored
    ? {
        status: 'ready',
        index: mergeIndex(new Map(), answer.entries),
        stored: { ...answer.stored, refreshing },
      }
    : null;

/**
 * The portal's family index. First the index a full health check keeps in the app's store (one
 * call, whatever the portal's size), shown at once and then refreshed in the background from the
 * targets changed since; without one (before the first health check), built page by page with
 * `goal_families_index` scans (one bounded call per page; a small portal is one call). `refresh`
 * reads again, e.g. after a rename or an archive; only the newest read may set the state, so a slow
 * earlier one never overwrites a later one.
 */
export function useFamilyIndex(client: FunctionsClient, enabled: boolean) {
  const [state, setState] = useState<FamilyIndexState>({ status: 'opening' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  /** The generation last read: hiding and showing the list again does not read again. */
  const readFor = useRef<number | null>(null);

  useEffect(() => {
    if (!enabled || readFor.current === generation) return;
    readFor.current = generation;
    const ticket = ++latest.current;
    setState({ status: 'opening' });
    (async () => {
      const opened = await client.call('goal_families_index', { source: 'store' });
      if (ticket !== latest.current) return;
      const shown = opened.ok ? fromStore(opened, true) : null;
      if (shown) {
        setState(shown);
        const refreshed = await client.call('goal_families_index', { source: 'store', refresh: true });
        if (ticket !== latest.current) return;
        const next = refreshed.ok ? fromStore(refreshed, false) : null;
        setState(
          next ??
            (shown.status === 'ready' && shown.stored
              ? { ...shown, stored: { ...shown.stored, refreshing: false } }
              : shown),
        );
        return;
      }
      // No stored index yet (or it could not be read): scan the portal as the tab always could.
      setState({ status: 'scanning', progress: 0 });
      let index = new Map<string, FamilyIndexEntry>();
      let cursor: string | null = null;
      let budget: string | undefined;
      for (;;) {
        const page: FunctionResult<'goal_families_index'> = await client.call(
          'goal_families_index',
          cursor ? { cursor } : {},
        );
        if (ticket !== latest.current) return;
        if (!page.ok) {
          setState({ status: 'error', error: page.error });
          return;
        }
        index = mergeIndex(index, page.entries);
        cursor = page.nextCursor;
        budget = page.budget;
        if (cursor === null) break;
        setState({ status: 'scanning', progress: page.progress });
      }
      setState({ status: 'ready', index, ...(budget ? { budget } : {}) });
    })();
  }, [client, enabled, generation]);

  return { state, refresh: useCallback(() => setGeneration((g) => g + 1), []) };
}
