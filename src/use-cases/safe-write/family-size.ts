/**
 * The guard that keeps a family-wide change inside one invocation: a family larger than
 * `MAX_SLICES_PER_INVOCATION` could not be changed, verified and (on failure) rolled back before the
 * invocation's time limit, and a change cut off by that limit would be half-applied. Refused before
 * anything is written.
 */
import { failure, MAX_SLICES_PER_INVOCATION, type Result } from '@goal-families/contract';
import type { Plan } from '@goal-families/domain';

export function familyTooLarge(slices: number): Result<never> {
  const max = MAX_SLICES_PER_INVOCATION.toLocaleString('en-US');
  return failure(
    'VALIDATION_ERROR',
    `This goal family has ${slices.toLocaleString('en-US')} slices: too large to change safely in one invocation (at most ${max}). Nothing was changed. Change it slice by slice, or split it into smaller families (e.g. one per team or per year) and change each.`,
    { reason: 'FAMILY_TOO_LARGE', slices, maxSlices: MAX_SLICES_PER_INVOCATION },
  );
}

/** A refusal when a family-wide change would touch more than one invocation can change safely. */
export function checkFamilySize(slices: number): Result<never> | null {
  return slices > MAX_SLICES_PER_INVOCATION ? familyTooLarge(slices) : null;
}

export const plannedChanges = (plan: Plan) =>
  plan.creates.length + plan.updates.length + plan.archives.length;
