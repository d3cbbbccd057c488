/**
 * `goal_property_options`: the portal's labels and choices for the UI (goal types, milestones, deal
 * pipelines, currencies). Read-only. Currencies need an optional scope: without it, none are listed
 * and the UI offers the app's own currency only.
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { guarded } from './support/guard';

export function goalPropertyOptions(
  deps: UseCaseDeps,
  _p: Params<'goal_property_options'>,
): Promise<Result<SuccessOf<'goal_property_options'>>> {
  return guarded(async () => {
    const [properties, pipelines, currencies] = await Promise.all([
      deps.gateway.goalTargetProperties(),
      deps.gateway.pipelines('deals'),
      deps.gateway.currencies().catch(() => []),
    ]);
    const options = (name: string) => properties.find((d) => d.name === name)?.options ?? [];
    return success({
      goalTypes: options('hs_goal_type'),
      milestones: options('hs_milestone'),
      pipelines,
      currencies,
    });
  });
}
