/** What every use case is given: the gateway and the effects the domain must not do itself. */
import type { GoalTargetsGateway } from './ports';

export type UseCaseDeps = {
  gateway: GoalTargetsGateway;
  now: () => number;
  newUuid: () => string;
  /** A fresh `hs_goal_target_group_id` (a numeric string). */
  newGroupId: () => string;
  /** When the invocation started (epoch ms, `now`'s clock); default: when the use case reads it. */
  startedAt?: number;
  /** The invocation's time limit in ms; default `INVOCATION_TIME_LIMIT_MS` (safe-write/deadlines.ts). */
  timeLimitMs?: number;
};
