/**
 * F5/F6 create and F10 clone. Both take a client-chosen uuid: what HubSpot already holds under it is
 * read first, and only the missing slices are planned, so a retry after a lost answer never
 * duplicates. (Search lags a few seconds: a retry within that window could miss the first attempt's
 * slices; the UI retries only after its own timeout, well past HubSpot's "few moments".)
 */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { parseTarget, planClone, planCreate, type RawGoalTarget } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { notFound, planOrFailure } from './family-mutations';
import { checkFamilySize } from './family-size';
import { guarded } from './guard';
import { runMutation } from './mutation';
import { loadFamily } from './read-family';
import { toSpreadRequest } from './spread';

type WithUuid = Result<MutationResultDto & { uuid: string }>;

const addUuid = (r: Result<MutationResultDto>, uuid: string): WithUuid => (r.ok ? { ...r, uuid } : r);

export function createFamily(deps: UseCaseDeps, p: Params<'goal_family_create'>): Promise<WithUuid> {
  const uuid = p.uuid ?? deps.newUuid();
  return guarded(async () =>
    addUuid(
      await runMutation(deps, p, {
        load: () => loadFamily(deps.gateway, uuid),
        plan: (loaded) =>
          planOrFailure(
            planCreate(
              {
                uuid,
                name: p.name,
                goalType: p.goalType,
                milestone: p.milestone,
                startDate: p.startDate,
                periodCount: p.periodCount,
                timeZone: p.timeZone ?? p.portal.timeZone,
                weekStart: p.weekStart,
                assignees: p.assignees,
                spread: toSpreadRequest(p.spread),
                pipelineIds: p.pipelineIds,
              },
              deps.newGroupId,
              loaded.records.map((r) => parseTarget(r as RawGoalTarget)),
            ),
          ),
        familyName: () => p.name,
      }),
      uuid,
    ),
  );
}

export function cloneFamily(deps: UseCaseDeps, p: Params<'goal_family_clone'>): Promise<WithUuid> {
  const newUuid = p.newUuid ?? deps.newUuid();
  return guarded(async () => {
    const source = await loadFamily(deps.gateway, p.uuid);
    const { family } = source;
    if (family === null) return notFound(p.uuid);
    const tooLarge = checkFamilySize(source.records.length);
    if (tooLarge) return tooLarge;
    return addUuid(
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
      }),
      newUuid,
    );
  });
}
