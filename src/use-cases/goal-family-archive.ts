/** `goal_family_archive` (F7): every slice of a family, or none. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import { planArchiveFamily } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function archiveFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_archive'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      uuid: p.uuid,
      load: (known) => loadFamily(deps.gateway, p.uuid, known),
      familyWide: true,
      plan: withFamily(({ family }) => success({ plan: planArchiveFamily(family) })),
    }),
  );
}
