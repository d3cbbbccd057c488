import type { Plan } from '@goal-families/domain';
import { describe, expect, it } from 'vitest';
import type { CrmRecord } from '../ports';
import { createFakeGateway } from '../testing/fake-gateway';
import { applyPlan, sameValue } from './apply-plan';

const records: CrmRecord[] = Array.from({ length: 250 }, (_, i) => ({
  id: String(1000 + i),
  properties: {
    hs_group_correlation_uuid: 'u',
    hs_goal_name: 'Old',
    hs_target_amount: '10.00',
    hs_lastmodifieddate: '1',
  },
}));

const rename = (ids: string[]): Plan => ({
  operation: 'family-update',
  familyUuid: 'u',
  version: 'v',
  creates: [],
  updates: ids.map((id) => ({
    id,
    label: id,
    before: { hs_goal_name: 'Old' },
    after: { hs_goal_name: 'New' },
  })),
  archives: [],
  warnings: [],
  summary: '',
});
const allIds = records.map((r) => r.id);
const names = (live: Map<string, CrmRecord>) =>
  new Set([...live.values()].map((r) => r.properties.hs_goal_name));

describe('applyPlan', () => {
  it('applies and verifies every slice', async () => {
    const { gateway, live } = createFakeGateway(records);
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report.kind).toBe('applied');
    expect(names(live)).toEqual(new Set(['New']));
  });

  it('rolls back every applied slice when one fails for good', async () => {
    const { gateway, live } = createFakeGateway(records, { update: new Set(['1200']) });
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report.kind).toBe('rolled_back');
    if (report.kind === 'applied') return;
    expect(report.slices.filter((s) => s.state === 'failed').map((s) => s.id)).toEqual(['1200']);
    expect(report.slices.filter((s) => s.state === 'rolled_back')).toHaveLength(249);
    expect(names(live)).toEqual(new Set(['Old']));
  });

  it('reports NEEDS_ATTENTION with every slice state when the rollback fails too', async () => {
    const { gateway, live } = createFakeGateway(records, {
      update: new Set(['1200']),
      updateAfterCalls: { calls: 1, ids: new Set(['1001', '1002']) },
    });
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report.kind).toBe('needs_attention');
    if (report.kind === 'applied') return;
    expect(report.slices).toHaveLength(250);
    expect(report.slices.filter((s) => s.state === 'applied').map((s) => s.id)).toEqual(['1001', '1002']);
    expect(live.get('1001')?.properties.hs_goal_name).toBe('New');
  });

  it('rolls back creates by archiving them and archives by re-creating them', async () => {
    const { gateway, live } = createFakeGateway(records, { update: new Set(['1000']) });
    const plan: Plan = {
      ...rename(['1000']),
      creates: [
        {
          properties: { hs_group_correlation_uuid: 'u', hs_goal_name: 'Created' },
          assignee: null,
          groupId: '1',
          startMs: 0,
          endMs: 1,
        },
      ],
      archives: [{ id: '1249', label: 'x' }],
    };
    const report = await applyPlan(gateway, plan, records);
    expect(report.kind).toBe('rolled_back');
    expect([...live.values()].some((r) => r.properties.hs_goal_name === 'Created')).toBe(false);
    expect(live.has('1249')).toBe(false);
    expect(live.size).toBe(250);
  });

  it.each([
    ['5000', '5000.00', true],
    ['2026-01-01T00:00:00.000Z', '1767225600000', true],
    ['', null, true],
    ['a', 'b', false],
    ['5000.01', '5000.00', false],
  ])('sameValue(%s, %s) = %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });
});
