/** `goal_assignee_add` (F16): one more assignee on an existing goal, through the safe-write protocol. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { planAddAssignee } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';
import { toSpreadRequest } from './support/spread';

export function addAssignee(
  deps: UseCaseDeps,
  p: Params<'goal_assignee_add'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      plan: withFamily(({ family }) =>
        planOrFailure(
          planAddAssignee(
            family,
            { assignee: p.assignee, spread: toSpreadRequest(p.spread) },
            deps.newGroupId,
          ),
        ),
      ),
      journal: { assignee: p.assignee },
    }),
  );
}
