/**
 * `goal_family_clone` (F10): a copy of a family shifted to a later period under a new uuid, amounts
 * kept or scaled. Retry-safe like create: the new uuid is the client's, and only missing slices are made.
 */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { detectConvention, parseTarget, planClone, type RawGoalTarget } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { checkFamilySize } from './safe-write/family-size';
import { requireEditor } from './safe-write/permissions';
import { notFound, planOrFailure, withUuid } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function cloneFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_clone'>,
): Promise<Result<MutationResultDto & { uuid: string }>> {
  const newUuid = p.newUuid ?? deps.newUuid();
  return guarded(async () => {
    // Who may clone is decided before the source is read (run-mutation checks again, from cache).
    const forbidden = await requireEditor(deps.gateway, p.caller);
    if (forbidden) return forbidden;
    const source = await loadFamily(deps.gateway, p.uuid);
    const { family } = source;
    if (family === null) return notFound(p.uuid);
    const tooLarge = checkFamilySize(source.records.length);
    if (tooLarge) return tooLarge;
    return withUuid(
      await runMutation(deps, p, {
        load: () => loadFamily(deps.gateway, newUuid),
        plan: (existing) =>
          planOrFailure(
            planClone(
              family,
              {
                newUuid,
                shiftYears: p.shiftYears,
                scale: p.scale,
                timeZone: p.portal.timeZone,
                ...(p.name ? { name: p.name } : {}),
              },
              deps.newGroupId,
              existing.records.map((r) => parseTarget(r as RawGoalTarget)),
            ),
          ),
        familyName: (_, plan) => plan.creates[0]?.properties.hs_goal_name ?? family.name.value,
        describe: {
          milestone: family.milestone.value,
          timeZone: detectConvention(family.slices, p.portal.timeZone).timeZone,
          scale: p.scale,
        },
      }),
      newUuid,
    );
  });
}
