import type { AppError } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useCallback, useState } from 'react';
import { type GroupImport, planMatchesImport } from '../utils/scheduleCsv';

export type ImportApplyState =
  | { step: 'idle' }
  | { step: 'running'; done: number; total: number; current: string }
  | { step: 'done'; total: number }
  | { step: 'failed'; done: number; total: number; assignee: string; error: AppError };

/**
 * Applies an imported grid one assignee's schedule at a time, each as an explicit re-spread
 * (one all-or-nothing batch per schedule). Each schedule is previewed right before it is applied,
 * and applied only if HubSpot's plan changes exactly the cells the file changes.
 */
export function useCsvImportApply(client: FunctionsClient, uuid: string, notify = false) {
  const [state, setState] = useState<ImportApplyState>({ step: 'idle' });

  const apply = useCallback(
    async (groups: readonly GroupImport[]): Promise<boolean> => {
      const total = groups.length;
      for (const [done, group] of groups.entries()) {
        setState({ step: 'running', done, total, current: group.assignee });
        const request = {
          uuid,
          source: 'csv-import' as const,
          notify,
          respread: {
            groupId: group.groupId,
            from: group.from,
            spread: { mode: 'explicit' as const, amounts: group.amounts },
          },
        };
        const preview = await client.call('goal_family_update', { ...request, dryRun: true });
        if (!preview.ok) {
          setState({ step: 'failed', done, total, assignee: group.assignee, error: preview.error });
          return false;
        }
        if (!planMatchesImport(preview.plan.updates, group.changes)) {
          setState({
            step: 'failed',
            done,
            total,
            assignee: group.assignee,
            error: {
              code: 'CONFLICT',
              message: `HubSpot's preview for ${group.assignee} differs from the file, so it was not applied.`,
              details: { reason: 'IMPORT_DIFFERS' },
            },
          });
          return false;
        }
        const applied = await client.call('goal_family_update', {
          ...request,
          dryRun: false,
          version: preview.plan.version,
        });
        if (!applied.ok) {
          setState({ step: 'failed', done, total, assignee: group.assignee, error: applied.error });
          return false;
        }
      }
      setState({ step: 'done', total });
      return true;
    },
    [client, uuid, notify],
  );
  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, apply, reset };
}
