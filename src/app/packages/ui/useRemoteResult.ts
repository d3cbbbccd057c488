import type { AppError } from '@goal-families/contract';
import { useCallback, useEffect, useRef, useState } from 'react';

export type RemoteState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'success'; data: T };

type Envelope<T> = ({ ok: true } & T) | { ok: false; error: AppError };

/**
 * Runs `load` when `key` changes (and on `reload`), keeping only the newest answer so a slow
 * earlier call can never overwrite a later one.
 */
export function useRemoteResult<T extends object>(
  load: (() => Promise<Envelope<T>>) | null,
  key: string,
): { state: RemoteState<T>; reload: () => void } {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `generation` are the triggers by design.
  useEffect(() => {
    const run = loadRef.current;
    if (!run) return;
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    run().then((result) => {
      if (ticket !== latest.current) return;
      setState(result.ok ? { status: 'success', data: result } : { status: 'error', error: result.error });
    });
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
