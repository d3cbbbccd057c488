/** `goal_family_update` (F3, F6): family-wide property changes and a re-spread, as one plan. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import {
  dateStartMs,
  detectConvention,
  mergePlans,
  type Plan,
  planFamilyUpdate,
  planRespread,
} from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';
import { toSpreadRequest } from './support/spread';

export function updateFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_update'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      familyWide: true,
      journal: { source: p.source },
      plan: withFamily(({ family }) => {
        const plans: Plan[] = [];
        if (Object.keys(p.changes).length > 0) {
          const r = planOrFailure(planFamilyUpdate(family, p.changes));
          if (!r.ok) return r;
          plans.push(r.plan);
        }
        if (p.respread) {
          const zone = detectConvention(family.slices, p.portal.timeZone).timeZone;
          const fromMs = dateStartMs(p.respread.from, zone);
          if (fromMs === null) return failure('VALIDATION_ERROR', `"${p.respread.from}" is not a date`);
          const r = planOrFailure(
            planRespread(family, {
              ...(p.respread.groupId ? { groupId: p.respread.groupId } : {}),
              fromMs,
              spread: toSpreadRequest(p.respread.spread),
            }),
          );
          if (!r.ok) return r;
          plans.push(r.plan);
        }
        const [first, ...rest] = plans;
        if (!first) return failure('VALIDATION_ERROR', 'nothing to change');
        return success({ plan: rest.reduce(mergePlans, first) });
      }),
    }),
  );
}
