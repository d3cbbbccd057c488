/** F3/F4/F6/F7: edits and archives of an existing family, each through the safe-write protocol. */
import type { MutationResultDto, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import type { DomainResult, Plan } from '@goal-families/domain';
import {
  dateStartMs,
  detectConvention,
  mergePlans,
  parseMoney,
  planArchiveFamily,
  planArchiveSlice,
  planFamilyUpdate,
  planRespread,
  planTargetUpdate,
} from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { guarded } from './guard';
import { runMutation } from './mutation';
import { type LoadedFamily, loadFamily } from './read-family';
import { toSpreadRequest } from './spread';

type PlanResult = Result<{ plan: Plan }>;

export const notFound = (uuid: string) =>
  failure('NOT_FOUND', `No goal family with uuid ${uuid} (it may have been archived).`, { uuid });

/** A domain refusal: NOT_FOUND stays NOT_FOUND, everything else is the caller's input. */
export function planOrFailure(r: DomainResult<Plan>): PlanResult {
  if (r.ok) return success({ plan: r.value });
  return failure(r.error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_ERROR', r.error.message, {
    reason: r.error.code,
  });
}

const withFamily =
  (fn: (loaded: LoadedFamily & { family: NonNullable<LoadedFamily['family']> }) => PlanResult) =>
  (loaded: LoadedFamily): PlanResult =>
    loaded.family === null ? notFound(loaded.uuid) : fn({ ...loaded, family: loaded.family });

export function updateFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_update'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      familyWide: true,
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

export function updateTarget(
  deps: UseCaseDeps,
  p: Params<'goal_target_update'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid, [p.targetId]),
      plan: withFamily(({ family }) =>
        planOrFailure(
          planTargetUpdate(family, p.targetId, {
            ...(p.targetAmount !== undefined ? { targetCents: parseMoney(p.targetAmount) ?? 0 } : {}),
            ...(p.kpiValue !== undefined ? { kpiCents: parseMoney(p.kpiValue) ?? 0 } : {}),
          }),
        ),
      ),
    }),
  );
}

export function archiveFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_archive'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      familyWide: true,
      plan: withFamily(({ family }) => success({ plan: planArchiveFamily(family) })),
    }),
  );
}

export function archiveTarget(
  deps: UseCaseDeps,
  p: Params<'goal_target_archive'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid, [p.targetId]),
      plan: withFamily(({ family }) => planOrFailure(planArchiveSlice(family, p.targetId))),
    }),
  );
}
