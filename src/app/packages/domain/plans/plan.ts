/** A plan: the exact per-slice changes of one operation, as data (safe-write protocol, step 2). */
import type { Assignee } from '../target';

export type Operation =
  | 'family-update'
  | 'respread'
  | 'target-update'
  | 'create'
  | 'clone'
  | 'archive-family'
  | 'archive-slice'
  | 'repair'
  | 'undo'
  | 'add-assignee'
  | 'remove-assignee';

export type PlannedCreate = {
  /** Every property to send, as HubSpot strings. */
  properties: Record<string, string>;
  /** For previews: who and which period (same values as in `properties`). */
  assignee: Assignee | null;
  groupId: string;
  startMs: number;
  endMs: number;
};

export type PlannedUpdate = {
  id: string;
  /** A short human label for previews ("Q1 quota · 2026-01-01 · #123"). */
  label: string;
  /** The properties' values before (null when absent); same keys as `after`. */
  before: Record<string, string | null>;
  /** Only the properties that change. */
  after: Record<string, string>;
};

export type PlannedArchive = { id: string; label: string };

/** Numbers a preview reports besides the changes themselves. */
export type PlanCounts = {
  /** Create / clone retried: targets that exist already and are not created again. */
  existingSkipped?: number;
  /** Clone: source targets without an assignee or a readable period, not copied. */
  unreadableSkipped?: number;
  /** Clone: source targets off the period boundaries, copied onto the nearest whole periods. */
  offPeriod?: number;
  /** Clone: source targets repeating a period of the same assignee, copied once. */
  duplicates?: number;
  /** Undo: targets changed again since, whose later change the undo overwrites. */
  overwritten?: number;
  /** Undo: targets that no longer exist and are skipped. */
  gone?: number;
};

export type Plan = {
  operation: Operation;
  familyUuid: string;
  /** `familyVersion` of the slices the plan was computed from. */
  version: string;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  archives: PlannedArchive[];
  /** Plain words for the person about to apply it (English, for logs; the UI words `counts`). */
  warnings: string[];
  /** What the warnings count, as data: the UI says it in the viewer's words. */
  counts?: PlanCounts;
  /** One line saying what the plan does. */
  summary: string;
};

/** Whether the plan changes nothing (the use case can skip writing). */
export const isEmptyPlan = (plan: Plan): boolean =>
  plan.creates.length === 0 && plan.updates.length === 0 && plan.archives.length === 0;
