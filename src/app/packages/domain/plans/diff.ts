/** Per-slice property diffs: send only what changes, remember what was there. */

import { parseInstant } from '../instant';
import { parseMoney } from '../money';
import { PROP } from '../properties';
import { type GoalTarget, sliceLabel } from '../target';
import { familyVersion } from '../version';
import type { Operation, Plan, PlannedUpdate } from './plan';

const MONEY_PROPS: ReadonlySet<string> = new Set([PROP.targetAmount, PROP.kpiValue]);
const INSTANT_PROPS: ReadonlySet<string> = new Set([PROP.start, PROP.end]);

/**
 * Whether a stored value already equals the wanted one: amounts compare as cents ("5000" = "5000.00"),
 * datetimes as instants (epoch-ms and ISO spellings agree), others as exact strings. HubSpot reads a
 * cleared property back as null or "": both equal "".
 */
export function sameValue(property: string, stored: string | null | undefined, wanted: string): boolean {
  const current = stored ?? '';
  if (current === wanted) return true;
  if (MONEY_PROPS.has(property)) {
    const a = parseMoney(current);
    return a !== null && a === parseMoney(wanted);
  }
  if (INSTANT_PROPS.has(property)) {
    const a = parseInstant(current);
    return a !== null && a === parseInstant(wanted);
  }
  return false;
}

/** The update that brings `target` to `wanted`, or null when it already has every value. */
export function updateFor(target: GoalTarget, wanted: Record<string, string>): PlannedUpdate | null {
  const before: Record<string, string | null> = {};
  const after: Record<string, string> = {};
  for (const [property, value] of Object.entries(wanted)) {
    const stored = target.properties[property];
    if (sameValue(property, stored, value)) continue;
    before[property] = stored ?? null;
    after[property] = value;
  }
  return Object.keys(after).length === 0 ? null : { id: target.id, label: sliceLabel(target), before, after };
}

/** An empty plan for a family, stamped with the version of the slices it is computed from. */
export function emptyPlan(operation: Operation, familyUuid: string, from: readonly GoalTarget[]): Plan {
  return {
    operation,
    familyUuid,
    version: familyVersion(from),
    creates: [],
    updates: [],
    archives: [],
    warnings: [],
    summary: '',
  };
}

/** Combines two plans for the same family and version; later updates of a property win. */
export function mergePlans(first: Plan, second: Plan): Plan {
  if (first.familyUuid !== second.familyUuid || first.version !== second.version) {
    throw new RangeError('only plans for the same family and version can be merged');
  }
  const updates = new Map<string, PlannedUpdate>();
  for (const u of [...first.updates, ...second.updates]) {
    const known = updates.get(u.id);
    if (!known) {
      updates.set(u.id, { ...u, before: { ...u.before }, after: { ...u.after } });
      continue;
    }
    for (const [property, value] of Object.entries(u.after)) {
      if (!(property in known.before)) known.before[property] = u.before[property] ?? null;
      known.after[property] = value;
    }
  }
  return {
    ...first,
    creates: [...first.creates, ...second.creates],
    updates: [...updates.values()],
    archives: [...first.archives, ...second.archives],
    warnings: [...first.warnings, ...second.warnings],
    summary: [first.summary, second.summary].filter((s) => s !== '').join('; '),
  };
}
