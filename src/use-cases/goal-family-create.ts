/**
 * `goal_family_create` (F5, F6). Takes a client-chosen uuid: what HubSpot already holds under it is
 * read first, and only the missing slices are planned, so a retry after a lost answer never
 * duplicates. Search lags a few seconds, so the slices a first attempt created are read by id from
 * its journal entry; while that attempt is still running, its entry holds the family's lock and the
 * retry is told to try again in a few seconds.
 */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure } from '@goal-families/contract';
import {
  asMilestone,
  assigneeKey,
  type Milestone,
  milestoneValueFor,
  PROP,
  parseTarget,
  planCreate,
  type RawGoalTarget,
} from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import type { GoalTargetsGateway } from './ports';
import { defaultZone } from './safe-write/permissions';
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
  const kind = asMilestone(p.milestone) as Milestone;
  return guarded(async () =>
    withUuid(
      await runMutation(deps, p, {
        uuid,
        load: (known) => loadFamily(deps.gateway, uuid, known),
        plan: async (loaded, settings) => {
          // hs_milestone is written as the portal's own option for the period kind (read once here).
          const milestoneValue = await portalMilestoneValue(deps.gateway, kind);
          if (milestoneValue === null) {
            return failure(
              'VALIDATION_ERROR',
              `This HubSpot account offers no ${kind} milestone for goals, so a ${kind} goal cannot be created.`,
              { reason: 'MILESTONE_NOT_OFFERED', milestone: p.milestone },
            );
          }
          return planOrFailure(
            planCreate(
              {
                uuid,
                name: p.name,
                goalType: p.goalType,
                milestone: kind,
                milestoneValue,
                startDate: p.startDate,
                periodCount: p.periodCount,
                ...(p.partialYear ? { partialYear: p.partialYear } : {}),
                // The settings' default zone, for the create form and a direct call alike.
                timeZone: p.timeZone ?? defaultZone(settings),
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
          );
        },
        familyName: () => p.name,
        // Periods labelled as the new goal has them: its period kind, in the zone it is created in.
        describe: (settings) => ({ milestone: p.milestone, timeZone: p.timeZone ?? defaultZone(settings) }),
      }),
      uuid,
    ),
  );
}

/** The portal's `hs_milestone` option for a period kind, from the goal_targets property definition. */
async function portalMilestoneValue(gateway: GoalTargetsGateway, kind: Milestone): Promise<string | null> {
  const definitions = await gateway.goalTargetProperties();
  const options = definitions.find((d) => d.name === PROP.milestone)?.options ?? [];
  return milestoneValueFor(
    kind,
    options.map((o) => o.value),
  );
}
