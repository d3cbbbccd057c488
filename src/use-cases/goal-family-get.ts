/** `goal_family_get` (F1): one family in full, read by id (search finds the ids, batch read the values). */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { notFound } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';
import { presentFamily } from './support/presenters';

export function getFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_get'>,
): Promise<Result<SuccessOf<'goal_family_get'>>> {
  return guarded(async () => {
    const { family } = await loadFamily(deps.gateway, p.uuid);
    if (family === null) return notFound(p.uuid);
    const dto = await presentFamily(family, {
      nowMs: deps.now(),
      names: createNameBook(deps.gateway),
      timeZone: p.portal.timeZone,
      withSlices: true,
    });
    return success({ family: dto });
  });
}
