/**
 * F3: change family-defining properties on the whole family.
 *
 * Choice: the plan sends only the slices whose value differs (fewer writes, nothing fails on
 * unchanged slices), yet it is computed against every slice so that after applying it every slice
 * of the family holds the new value. The use case verifies that by reading every slice back.
 */
import type { Family } from '../grouping';
import { formatPipelineIds, PROP } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { emptyPlan, updateFor } from './diff';
import type { Plan } from './plan';

export type FamilyChanges = { name?: string; goalType?: string; pipelineIds?: string[] };

export function familyChangeProperties(changes: FamilyChanges): Record<string, string> {
  const wanted: Record<string, string> = {};
  if (changes.name !== undefined) wanted[PROP.name] = changes.name.trim();
  if (changes.goalType !== undefined) wanted[PROP.goalType] = changes.goalType.trim();
  if (changes.pipelineIds !== undefined) wanted[PROP.pipelineIds] = formatPipelineIds(changes.pipelineIds);
  return wanted;
}

export function planFamilyUpdate(family: Family, changes: FamilyChanges): DomainResult<Plan> {
  const wanted = familyChangeProperties(changes);
  if (Object.keys(wanted).length === 0)
    return err('NOTHING_TO_CHANGE', 'no family property was given to change');
  if (changes.name !== undefined && wanted[PROP.name] === '')
    return err('INVALID_NAME', 'the goal name must not be blank');
  if (changes.goalType !== undefined && wanted[PROP.goalType] === '') {
    return err('INVALID_GOAL_TYPE', 'the goal type must not be blank');
  }
  const plan = emptyPlan('family-update', family.uuid, family.slices);
  for (const slice of family.slices) {
    const update = updateFor(slice, wanted);
    if (update) plan.updates.push(update);
  }
  const what = Object.keys(wanted).join(', ');
  plan.summary = `Set ${what} on ${plan.updates.length} of ${family.slices.length} slices (the others already match)`;
  if (plan.updates.length === 0)
    plan.warnings.push('Every slice already has these values; nothing will be written.');
  return ok(plan);
}
