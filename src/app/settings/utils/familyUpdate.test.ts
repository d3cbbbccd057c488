import { functionContracts } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { FAMILY_UUID, makeFamilyDetail } from '../../cards/__tests__/fixtures';
import { buildFamilyUpdate, type FamilyEditForm, initialEditForm } from './familyUpdate';

const family = makeFamilyDetail();
const form = (overrides: Partial<FamilyEditForm>): FamilyEditForm => ({
  ...initialEditForm(family),
  ...overrides,
});
const caller = { caller: { userId: '1' }, portal: { id: '2' } };

describe('buildFamilyUpdate', () => {
  it.each([
    ['a new name', { name: ' FY26 ' }, { uuid: FAMILY_UUID, changes: { name: 'FY26' } }],
    [
      'a new type and pipelines',
      { goalType: 'custom_goal', pipelineIds: ['default', 'p2'] },
      { uuid: FAMILY_UUID, changes: { goalType: 'custom_goal', pipelineIds: ['default', 'p2'] } },
    ],
    [
      'an even re-spread of one schedule',
      { respread: true, groupId: '501', from: '2026-07-01', total: '13,000' },
      {
        uuid: FAMILY_UUID,
        changes: {},
        respread: { groupId: '501', from: '2026-07-01', spread: { mode: 'even', total: '13000.00' } },
      },
    ],
    [
      'a weighted re-spread of every schedule',
      { respread: true, from: '2026-10-01', mode: 'weighted' as const, total: '100', weights: '1, 1, 2' },
      {
        uuid: FAMILY_UUID,
        changes: {},
        respread: { from: '2026-10-01', spread: { mode: 'weighted', total: '100.00', weights: [1, 1, 2] } },
      },
    ],
  ])('%s', (_, overrides, request) => {
    const built = buildFamilyUpdate(form(overrides), family);
    expect(built).toEqual({ ok: true, request });
    if (built.ok) {
      const { respread, ...rest } = built.request;
      const params = { ...caller, ...rest, ...(respread ? { respread } : {}), dryRun: true };
      expect(functionContracts.goal_family_update.params.safeParse(params).success).toBe(true);
    }
  });

  it.each([
    ['no change', {}, { form: 'Change the name, the goal type, the pipelines or the amounts.' }],
    ['a blank name', { name: '  ' }, { name: 'Enter a name.' }],
    ['a bad total', { respread: true, total: '1.001' }, { total: 'Use at most two decimal places.' }],
    [
      'an unknown period',
      { respread: true, from: '2026-07-15', total: '1' },
      { from: 'Choose the first period to change.' },
    ],
    [
      'too few weights',
      { respread: true, from: '2026-10-01', mode: 'weighted' as const, total: '1', weights: '1,2' },
      { weights: 'Give 3 weights, one per period from the first period you change.' },
    ],
    [
      'all-zero weights',
      { respread: true, from: '2026-12-01', mode: 'weighted' as const, total: '1', weights: '0' },
      { weights: 'At least one weight must be above zero.' },
    ],
    [
      'non-numeric weights',
      { respread: true, mode: 'weighted' as const, total: '1', weights: '1,x' },
      { weights: 'Use whole numbers separated by commas, such as 1,1,2.' },
    ],
  ])('refuses %s', (_, overrides, problems) => {
    expect(buildFamilyUpdate(form(overrides), family)).toEqual({ ok: false, problems });
  });
});
