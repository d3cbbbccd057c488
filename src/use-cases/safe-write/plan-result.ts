/** How a planner's answer becomes the runner's: a plan, or the contract's failure for a refusal. */
import { failure, type Result, success } from '@goal-families/contract';
import type { DomainResult, Plan } from '@goal-families/domain';
import type { LoadedFamily } from './read-family';

export type PlanResult = Result<{ plan: Plan }>;

export const notFound = (uuid: string) =>
  failure('NOT_FOUND', `No goal family with uuid ${uuid} (it may have been archived).`, {
    reason: 'GOAL_GONE',
    uuid,
  });

/** A domain refusal: NOT_FOUND stays NOT_FOUND, everything else is the caller's input. */
export function planOrFailure(r: DomainResult<Plan>): PlanResult {
  if (r.ok) return success({ plan: r.value });
  return failure(r.error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION_ERROR', r.error.message, {
    reason: r.error.code,
  });
}

export type ExistingFamily = LoadedFamily & { family: NonNullable<LoadedFamily['family']> };

/** Plans only for a family that exists: NOT_FOUND otherwise. */
export const withFamily =
  (plan: (loaded: ExistingFamily) => PlanResult | Promise<PlanResult>) =>
  (loaded: LoadedFamily): PlanResult | Promise<PlanResult> =>
    loaded.family === null ? notFound(loaded.uuid) : plan({ ...loaded, family: loaded.family });

/** Create and clone answer with the uuid they wrote under (chosen by the client, or new). */
export const withUuid = <T extends object>(r: Result<T>, uuid: string): Result<T & { uuid: string }> =>
  r.ok ? { ...r, uuid } : r;
