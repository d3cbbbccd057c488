/**
 * `goal_family_create` (F5, F6). Takes a client-chosen uuid: what HubSpot already holds under it is
 * read first, and only the missing slices are planned, so a retry after a lost answer never
 * duplicates. (Search lags a few seconds: a retry within that window could miss the first attempt's
 * slices; the UI retries only after its own timeout, well past HubSpot's "few moments".)
 */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { assigneeKey, parseTarget, planCreate, type RawGoalTarget } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { planOrFailure, withUuid } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';
import { toSpreadRequest } from './support/spread';

export function createFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_create'>,
): Promise<Result<MutationResultDto & { uuid: string }>> {
  const uuid = p.uuid ?? deps.newUuid();
  return guarded(async () =>
    withUuid(
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
                // The contract requires one of the two; rows for every assignee override the default.
                spread: toSpreadRequest(p.spread ?? { mode: 'even', total: '0' }),
                ...(p.amountsByAssignee
                  ? {
                      spreadsByAssignee: new Map(
                        p.amountsByAssignee.map((row) => [
                          assigneeKey(row.assignee),
                          toSpreadRequest({ mode: 'explicit', amounts: row.amounts }),
                        ]),
                      ),
                    }
                  : {}),
                pipelineIds: p.pipelineIds,
              },
              deps.newGroupId,
              loaded.records.map((r) => parseTarget(r as RawGoalTarget)),
            ),
          ),
        familyName: () => p.name,
        describe: { milestone: p.milestone, timeZone: p.timeZone ?? p.portal.timeZone },
      }),
      uuid,
    ),
  );
}
