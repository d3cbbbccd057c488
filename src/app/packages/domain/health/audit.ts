/** F8: run every rule over families (and orphans); findings in a deterministic order. */
import type { Family } from '../grouping';
import type { GoalTarget } from '../target';
import { amountInvalid, amountNegative } from './amounts';
import { assigneeBoth, assigneeMissing } from './assignee';
import { familyPropertiesDisagree } from './family-properties';
import { groupIdShared, groupIdSplit } from './group-ids';
import { auditOrphans, ORPHAN_NO_UUID, orphanNoGroupId } from './orphans';
import { periodsMisaligned, periodsMissing, periodsOverlap, periodsUnreadable } from './periods';
import type { AuditContext, Finding, HealthRule, Severity } from './rule';
import { milestoneUnknown, sliceCountMismatch } from './slice-count';

/** Every family rule, in the order findings are reported. */
export const HEALTH_RULES: readonly HealthRule[] = [
  familyPropertiesDisagree,
  groupIdSplit,
  groupIdShared,
  orphanNoGroupId,
  assigneeBoth,
  assigneeMissing,
  milestoneUnknown,
  periodsUnreadable,
  periodsOverlap,
  periodsMisaligned,
  periodsMissing,
  sliceCountMismatch,
  amountInvalid,
  amountNegative,
];

/** Every rule id with its severity and title (for docs and the settings page). */
export const RULE_CATALOG: readonly { id: string; severity: Severity; title: string }[] = [
  ...HEALTH_RULES.map(({ id, severity, title }) => ({ id, severity, title })),
  { id: ORPHAN_NO_UUID.id, severity: ORPHAN_NO_UUID.severity, title: ORPHAN_NO_UUID.title },
];

export const DEFAULT_AUDIT_CONTEXT: AuditContext = { timeZone: 'UTC' };

/**
 * Whether findings make a family need repair: any error, i.e. a rule of HubSpot's goals guide is
 * broken (count vs milestone, boundaries, missing or overlapping periods, family-defining properties
 * that differ, ...). Warnings alone leave a family healthy.
 */
export const needsRepair = (findings: readonly Pick<Finding, 'severity'>[]): boolean =>
  findings.some((f) => f.severity === 'error');

/** Every finding for one family. */
export function auditFamily(family: Family, ctx: AuditContext = DEFAULT_AUDIT_CONTEXT): Finding[] {
  const findings: Finding[] = [];
  for (const rule of HEALTH_RULES) for (const f of rule.check(family, ctx)) findings.push(f);
  return findings;
}

/**
 * Every finding for the families (in their order), then for the orphans (targets without a uuid).
 * Pure and per family, so a resumable scan can audit one page of families at a time.
 */
export function auditFamilies(
  families: readonly Family[],
  ctx: AuditContext = DEFAULT_AUDIT_CONTEXT,
  orphans: readonly GoalTarget[] = [],
): Finding[] {
  const findings: Finding[] = [];
  for (const family of families) for (const f of auditFamily(family, ctx)) findings.push(f);
  for (const f of auditOrphans(orphans, families)) findings.push(f);
  return findings;
}
