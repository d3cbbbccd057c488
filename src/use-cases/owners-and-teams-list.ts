/** `owners_and_teams_list`: owners and teams for the pickers, optionally matching a text. Read-only. */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { guarded } from './support/guard';

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
