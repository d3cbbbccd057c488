/** `goal_assignee_remove` (F16): archive every target of one assignee, through the safe-write protocol. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { planRemoveAssignee } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function removeAssignee(
  deps: UseCaseDeps,
  p: Params<'goal_assignee_remove'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      plan: withFamily(({ family }) => planOrFailure(planRemoveAssignee(family, p.assignee))),
      journal: { assignee: p.assignee },
    }),
  );
}
