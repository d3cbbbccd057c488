/** `goal_property_options`: the create form's options (goal types, milestones, deal pipelines). Read-only. */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { guarded } from './support/guard';

export function goalPropertyOptions(
  deps: UseCaseDeps,
  _p: Params<'goal_property_options'>,
): Promise<Result<SuccessOf<'goal_property_options'>>> {
  return guarded(async () => {
    const [properties, pipelines] = await Promise.all([
      deps.gateway.goalTargetProperties(),
      deps.gateway.pipelines('deals'),
    ]);
    const options = (name: string) => properties.find((d) => d.name === name)?.options ?? [];
    return success({ goalTypes: options('hs_goal_type'), milestones: options('hs_milestone'), pipelines });
  });
}
