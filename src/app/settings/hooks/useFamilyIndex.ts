import type { AppError, FamilyIndexEntry, FunctionResult } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { mergeIndex } from '../utils/familyIndex';

export type FamilyIndexState =
  | { status: 'scanning'; progress: number }
  | { status: 'error'; error: AppError }
  | {
      status: 'ready';
      index: ReadonlyMap<string, FamilyIndexEntry>;
      /** The last scan call's share of HubSpot's rate limits: the page call counts it (no 429 after a scan). */
      budget?: string;
    };

/**
 * The portal's family index, built page by page with `goal_families_index` (one bounded call per
 * page; a small portal is one call). `refresh` scans again, e.g. after a rename or an archive; only
 * the newest scan may set the state, so a slow earlier scan never overwrites a later one.
 */
export function useFamilyIndex(client: FunctionsClient, enabled: boolean) {
  const [state, setState] = useState<FamilyIndexState>({ status: 'scanning', progress: 0 });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  /** The generation last scanned: hiding and showing the list again does not scan again. */
  const scannedFor = useRef<number | null>(null);

  useEffect(() => {
    if (!enabled || scannedFor.current === generation) return;
    scannedFor.current = generation;
    const ticket = ++latest.current;
    setState({ status: 'scanning', progress: 0 });
    (async () => {
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
