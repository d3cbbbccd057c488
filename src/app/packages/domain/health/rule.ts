/** Health rules (F8): each finds one kind of breakage in a family and proposes a repair as data. */
import type { Family } from '../grouping';

export type Severity = 'error' | 'warning' | 'info';

/** A repair is data: what to change, computed at audit time; `planRepair` turns it into a plan. */
export type RepairAction =
  | {
      kind: 'set-properties';
      /** Plain words for the preview: "Set hs_goal_name to "Q1 quota" on 3 slices". */
      description: string;
      updates: { id: string; properties: Record<string, string> }[];
    }
  | {
      kind: 'create-missing-slices';
      description: string;
      /** Full create properties of each missing slice (amount 0, in the family's convention). */
      slices: { groupId: string; startMs: number; endMs: number; properties: Record<string, string> }[];
    }
  | { kind: 'archive-slices'; description: string; ids: string[] };

export type Finding = {
  /** Stable across scans of unchanged data: `ruleId:uuid:subject`. */
  id: string;
  ruleId: string;
  severity: Severity;
  /** null for orphans (slices without a uuid). */
  familyUuid: string | null;
  /**
   * What the finding is about within the family: a target group id ('none' for slices without one), an
   * assignee key ("owner:77"), a property name, a goal target id (orphans) or 'all'.
   */
  subject: string;
  /** Plain words for an admin. */
  message: string;
  sliceIds: string[];
  repair: RepairAction | null;
};

export type AuditContext = {
  /** The zone to try when detecting a family's convention (e.g. the portal's); UTC otherwise. */
  timeZone: string;
};

export type HealthRule = {
  id: string;
  severity: Severity;
  /** One line for the docs and the settings page. */
  title: string;
  check(family: Family, ctx: AuditContext): Finding[];
};

export const findingId = (ruleId: string, uuid: string | null, subject: string): string =>
  `${ruleId}:${uuid ?? 'orphan'}:${subject}`;

/** Builds a finding of a rule with its stable id. */
export function makeFinding(
  rule: Pick<HealthRule, 'id' | 'severity'>,
  familyUuid: string | null,
  subject: string,
  message: string,
  sliceIds: string[],
  repair: RepairAction | null,
): Finding {
  return {
    id: findingId(rule.id, familyUuid, subject),
    ruleId: rule.id,
    severity: rule.severity,
    familyUuid,
    subject,
    message,
    sliceIds,
    repair,
  };
}
