import type { AppError, PlanDto } from '@goal-families/contract';
import { useCallback, useRef, useState } from 'react';

/** Every mutation answers with a plan; applying also reports what was done. */
type MutationSuccess = { plan: PlanDto; dryRun: boolean };
type Envelope = ({ ok: true } & MutationSuccess) | { ok: false; error: AppError };

/** What a mutation answers when its form is invalid (the preview button is disabled then; this is the guard). */
export const FORM_INVALID = {
  ok: false,
  error: { code: 'VALIDATION_ERROR', message: 'Fix the highlighted fields first.' },
} as const satisfies { ok: false; error: AppError };

export type MutationStep =
  | { step: 'idle' }
  | { step: 'previewing' }
  | { step: 'preview'; plan: PlanDto }
  | { step: 'applying'; plan: PlanDto }
  | { step: 'applied'; plan: PlanDto }
  | { step: 'failed'; error: AppError; plan: PlanDto | null };

/**
 * The safe-write protocol as seen from the UI: preview (`dryRun: true`) → show the plan →
 * apply with the plan's `version` (a family changed since is a CONFLICT on the server).
 */
export function useMutationFlow<R extends Envelope>(
  run: (request: { dryRun: true } | { dryRun: false; version: string }) => Promise<R>,
  onApplied: (result: Extract<R, { ok: true }>) => void,
) {
  const [state, setState] = useState<MutationStep>({ step: 'idle' });
  const runRef = useRef(run);
  runRef.current = run;
  const onAppliedRef = useRef(onApplied);
  onAppliedRef.current = onApplied;

  const preview = useCallback(async () => {
    setState({ step: 'previewing' });
    const result = await runRef.current({ dryRun: true });
    setState(
      result.ok
        ? { step: 'preview', plan: result.plan }
        : { step: 'failed', error: result.error, plan: null },
    );
  }, []);

  const apply = useCallback(async (plan: PlanDto) => {
    setState({ step: 'applying', plan });
    const result = await runRef.current({ dryRun: false, version: plan.version });
    if (result.ok) {
      setState({ step: 'applied', plan: result.plan });
      onAppliedRef.current(result as Extract<R, { ok: true }>);
    } else {
      setState({ step: 'failed', error: result.error, plan });
    }
  }, []);

  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, preview, apply, reset };
}
