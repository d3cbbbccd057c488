/** Pickers for the UI: owners and teams, and the create form's options. Read-only. */
import type { Params, SuccessOf } from '@goal-families/contract';
import { type Result, success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { guarded } from './guard';

export function listOwnersAndTeams(
  deps: UseCaseDeps,
  p: Params<'owners_and_teams_list'>,
): Promise<Result<SuccessOf<'owners_and_teams_list'>>> {
  return guarded(async () => {
    const [owners, teams] = await Promise.all([deps.gateway.owners(), deps.gateway.teams()]);
    const text = p.text?.trim().toLowerCase();
    const match = (...values: (string | null)[]) =>
      !text || values.some((v) => v?.toLowerCase().includes(text));
    return success({
      owners: owners.filter((o) => match(o.name, o.email)),
      teams: teams.filter((t) => match(t.name)),
    });
  });
}

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
