/** `goal_target_update` (F4): one slice's amount and/or KPI value override. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { parseMoney, planTargetUpdate } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function updateTarget(
  deps: UseCaseDeps,
  p: Params<'goal_target_update'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      uuid: p.uuid,
      load: (known) => loadFamily(deps.gateway, p.uuid, [...known, p.targetId]),
      patchSingle: true,
      plan: withFamily(({ family }) =>
        planOrFailure(
          planTargetUpdate(family, p.targetId, {
            ...(p.targetAmount !== undefined ? { targetCents: parseMoney(p.targetAmount) ?? 0n } : {}),
            ...(p.kpiValue !== undefined ? { kpiCents: parseMoney(p.kpiValue) ?? 0n } : {}),
          }),
        ),
      ),
    }),
  );
}
