/**
 * F3/F6 on the settings page: the edit form → `goal_family_update` parameters. Only fields that
 * differ from the family are sent; a re-spread is optional and validated here first.
 */
import type { FamilyDto } from '@goal-families/contract';
import { parseAmountInput, validateGoalName } from '@goal-families/ui';
import { scheduleColumns } from './scheduleCsv';

export interface FamilyEditForm {
  name: string;
  goalType: string;
  pipelineIds: string[];
  respread: boolean;
  /** '' = every assignee's schedule. */
  groupId: string;
  /** A period column date (YYYY-MM-DD in the family's time zone). */
  from: string;
  mode: 'even' | 'weighted';
  total: string;
  /** Comma-separated whole numbers, one per period from `from` on. */
  weights: string;
}

export function initialEditForm(family: FamilyDto): FamilyEditForm {
  return {
    name: family.name,
    goalType: family.goalType,
    pipelineIds: family.pipelineIds,
    respread: false,
    groupId: '',
    from: scheduleColumns(family)[0] ?? '',
    mode: 'even',
    total: '',
    weights: '',
  };
}

export interface FamilyUpdateRequest {
  uuid: string;
  notify?: boolean;
  changes: { name?: string; goalType?: string; pipelineIds?: string[] };
  respread?: {
    groupId?: string;
    from: string;
    spread: { mode: 'even'; total: string } | { mode: 'weighted'; total: string; weights: number[] };
  };
}

export type FamilyUpdateBuild =
  | { ok: true; request: FamilyUpdateRequest }
  | { ok: false; problems: Record<string, string> };

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** `locale`: how the user types amounts ("1,000.50" in en-US, "1.000,50" in de-DE). */
export function buildFamilyUpdate(
  form: FamilyEditForm,
  family: FamilyDto,
  locale = 'en-US',
): FamilyUpdateBuild {
  const problems: Record<string, string> = {};
  const changes: FamilyUpdateRequest['changes'] = {};
  const name = form.name.trim();
  if (name !== family.name) {
    const problem = validateGoalName(name);
    if (problem) problems.name = problem;
    else changes.name = name;
  }
  if (form.goalType !== family.goalType) {
    if (/^[a-z0-9_]{1,64}$/.test(form.goalType)) changes.goalType = form.goalType;
    else problems.goalType = 'Choose a goal type.';
  }
  if (!sameSet(form.pipelineIds, family.pipelineIds)) changes.pipelineIds = form.pipelineIds;

  let respread: FamilyUpdateRequest['respread'];
  if (form.respread) {
    const columns = scheduleColumns(family);
    const fromIndex = columns.indexOf(form.from);
    if (fromIndex < 0) problems.from = 'Choose the first period to change.';
    if (form.groupId !== '' && !family.groups.some((g) => g.groupId === form.groupId))
      problems.groupId = 'Choose an assignee.';
    const total = parseAmountInput(form.total, locale);
    if (!total.ok) problems.total = total.message;
    let weights: number[] = [];
    if (form.mode === 'weighted') {
      const parts = form.weights.split(',').map((w) => w.trim());
      const periods = fromIndex < 0 ? 0 : columns.length - fromIndex;
      if (parts.some((w) => !/^\d{1,7}$/.test(w)))
        problems.weights = 'Use whole numbers separated by commas, such as 1,1,2.';
      else if (parts.length !== periods)
        problems.weights = `Give ${periods} weights, one per period from the first period you change.`;
      else if (parts.every((w) => Number(w) === 0))
        problems.weights = 'At least one weight must be above zero.';
      else weights = parts.map(Number);
    }
    if (total.ok && !problems.from && !problems.groupId && !problems.weights) {
      respread = {
        ...(form.groupId !== '' ? { groupId: form.groupId } : {}),
        from: form.from,
        spread:
          form.mode === 'weighted'
            ? { mode: 'weighted', total: total.value, weights }
            : { mode: 'even', total: total.value },
      };
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  if (Object.keys(changes).length === 0 && !respread)
    return { ok: false, problems: { form: 'Change the name, the goal type, the pipelines or the amounts.' } };
  return { ok: true, request: { uuid: family.uuid, changes, ...(respread ? { respread } : {}) } };
}
