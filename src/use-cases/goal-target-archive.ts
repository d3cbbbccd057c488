/** `goal_target_archive` (F7, one slice): allowed, with a warning that the family's totals change. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { planArchiveSlice } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function archiveTarget(
  deps: UseCaseDeps,
  p: Params<'goal_target_archive'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      uuid: p.uuid,
      load: (known) => loadFamily(deps.gateway, p.uuid, [...known, p.targetId]),
      plan: withFamily(({ family }) => planOrFailure(planArchiveSlice(family, p.targetId))),
    }),
  );
}
