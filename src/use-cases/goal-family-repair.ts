/** `goal_family_repair` (F9): the repair of one health finding, through the safe-write protocol. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure } from '@goal-families/contract';
import { auditFamily, planRepair } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function repairFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_repair'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      plan: withFamily(({ family }) => {
        const finding = auditFamily(family, { timeZone: p.portal.timeZone }).find(
          (f) => f.id === p.findingId,
        );
        if (!finding) {
          return failure(
            'NOT_FOUND',
            'That finding is no longer present: the family may have been repaired already. Run the health check again.',
            { reason: 'FINDING_GONE', findingId: p.findingId },
          );
        }
        return planOrFailure(planRepair({ uuid: family.uuid, slices: family.slices }, finding));
      }),
    }),
  );
}
