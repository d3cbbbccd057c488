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
    expect(report.slices).toHaveLength(250);
    expect(report.slices.filter((s) => s.state === 'applied').map((s) => s.id)).toEqual(['1001', '1002']);
    expect(live.get('1001')?.properties.hs_goal_name).toBe('New');
  });

  it('rolls back creates by archiving them and archives by re-creating them', async () => {
    // The second archive fails, so the create, the update and the first archive are undone.
    const { gateway, live } = createFakeGateway(records, { archive: new Set(['1248']) });
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
      archives: [
        { id: '1249', label: 'x' },
        { id: '1248', label: 'y' },
      ],
    };
    const report = await applyPlan(gateway, plan, records);
    expect(report.kind).toBe('rolled_back');
    expect([...live.values()].some((r) => r.properties.hs_goal_name === 'Created')).toBe(false);
    expect(live.get('1000')?.properties.hs_goal_name).toBe('Old');
    expect(live.has('1249')).toBe(false);
    expect([...live.values()].filter((r) => r.properties.hs_target_amount === '10.00')).toHaveLength(250);
    expect(live.size).toBe(250);
  });

  it('stops at the first failing batch: later batches are never sent, and say so', async () => {
    const { gateway, live } = createFakeGateway(records, { update: new Set(['1050']) });
    const calls: number[] = [];
    const updateTargets = gateway.updateTargets;
    gateway.updateTargets = (inputs) => {
      calls.push(inputs.length);
      return updateTargets(inputs);
    };
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report.kind).toBe('rolled_back');
    // One batch of 100 (one input refused), then one rollback of the 99 that went through.
    expect(calls).toEqual([100, 99]);
    expect(report.slices.filter((s) => s.state === 'unchanged')).toHaveLength(150);
    expect(report.wroteAnything).toBe(true);
    expect(names(live)).toEqual(new Set(['Old']));
  });

  it('a deadline stop before a batch is not a failure of HubSpot: nothing after it is sent, the rest rolls back', async () => {
    const { gateway, live } = createFakeGateway(records);
    let batches = 0;
    const updateTargets = gateway.updateTargets;
    gateway.updateTargets = async (inputs) => {
      batches++;
      if (batches === 2) {
        return inputs.map((_, index) => ({
          state: 'failed' as const,
          index,
          message: 'deadline',
          deadline: true,
        }));
      }
      return updateTargets(inputs);
    };
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report).toMatchObject({ kind: 'rolled_back', stoppedBy: 'deadline' });
    expect(names(live)).toEqual(new Set(['Old']));
  });

  it('a read that fails after the first write: NEEDS_ATTENTION with what each slice holds, nothing thrown', async () => {
    const { gateway, live } = createFakeGateway(records);
    // Answers that show no properties prove nothing: every slice has to be read back.
    const updateTargets = gateway.updateTargets;
    gateway.updateTargets = async (inputs) =>
      (await updateTargets(inputs)).map((o) =>
        o.state === 'ok' ? { ...o, record: { id: o.record.id, properties: {} } } : o,
      );
    gateway.readByIds = async () => {
      throw Object.assign(new Error('daily limit'), {
        appError: { code: 'RATE_LIMITED' as const, message: 'daily limit', details: {} },
        retryable: false,
        outcomeUnknown: false,
        deadline: false,
      });
    };
    const report = await applyPlan(gateway, rename(allIds), records);
    expect(report.kind).toBe('needs_attention');
    expect(report.slices.every((s) => s.state === 'applied')).toBe(true);
    expect(names(live)).toEqual(new Set(['New']));
  });

  describe('verifying from the answers', () => {
    /** Counts the ids read back by id. */
    const countReads = (gateway: ReturnType<typeof createFakeGateway>['gateway']) => {
      const read: string[] = [];
      const readByIds = gateway.readByIds;
      gateway.readByIds = (ids) => {
        read.push(...ids);
        return readByIds(ids);
      };
      return read;
    };

    it('writes whose answers show every value written are not read back', async () => {
      const { gateway } = createFakeGateway(records);
      const read = countReads(gateway);
      const report = await applyPlan(gateway, rename(allIds), records);
      expect(report.kind).toBe('applied');
      expect(read).toEqual([]);
      // The records after the change: what was read before, with the answer over it.
      expect(report.records).toHaveLength(250);
      expect(report.records[0]?.properties).toMatchObject({ hs_goal_name: 'New', hs_target_amount: '10.00' });
      expect(report.records[0]?.properties.hs_lastmodifieddate).not.toBe('1');
    });

    it('creates whose answers show every property are not read back either; archives always are', async () => {
      const { gateway } = createFakeGateway(records);
      const read = countReads(gateway);
      const plan: Plan = {
        ...rename([]),
        creates: [
          {
            properties: { hs_group_correlation_uuid: 'u', hs_goal_name: 'Created', hs_target_amount: '5.00' },
            assignee: null,
            groupId: '1',
            startMs: 0,
            endMs: 1,
          },
        ],
        archives: [{ id: '1249', label: 'x' }],
      };
      const report = await applyPlan(gateway, plan, records);
      expect(report.kind).toBe('applied');
      expect(read).toEqual(['1249']);
    });

    it('reads back only the slices whose answer leaves a property out, and accepts them when they hold', async () => {
      const { gateway, live } = createFakeGateway(records);
      const read = countReads(gateway);
      const updateTargets = gateway.updateTargets;
      gateway.updateTargets = async (inputs) =>
        (await updateTargets(inputs)).map((o) => {
          if (o.state !== 'ok' || o.record.id !== '1007') return o;
          const { hs_goal_name: _left, ...rest } = o.record.properties;
          return { ...o, record: { ...o.record, properties: rest } };
        });
      const report = await applyPlan(gateway, rename(allIds), records);
      expect(report.kind).toBe('applied');
      expect(read).toEqual(['1007']);
      expect(report.records.find((r) => r.id === '1007')?.properties.hs_goal_name).toBe('New');
      expect(names(live)).toEqual(new Set(['New']));
    });

    it('an answer showing another value is read back; a write that did not hold is caught and rolled back', async () => {
      const { gateway, live } = createFakeGateway(records);
      const read = countReads(gateway);
      const updateTargets = gateway.updateTargets;
      let calls = 0;
      gateway.updateTargets = async (inputs) => {
        calls++;
        const out = await updateTargets(inputs);
        // The first call: HubSpot kept another name for 1003 and says so in its answer.
        if (calls === 1) {
          const r = live.get('1003');
          if (r) r.properties.hs_goal_name = 'Kept by HubSpot';
          return out.map((o) =>
            o.state === 'ok' && o.record.id === '1003'
              ? { ...o, record: { ...o.record, properties: { ...o.record.properties } } }
              : o,
          );
        }
        return out;
      };
      const report = await applyPlan(gateway, rename(['1000', '1003']), records);
      expect(report.kind).toBe('rolled_back');
      expect(read).toEqual(['1003']);
      expect(report.slices.find((s) => s.id === '1003')).toMatchObject({ state: 'failed' });
      expect(report.slices.find((s) => s.id === '1000')).toMatchObject({ state: 'rolled_back' });
      expect(live.get('1000')?.properties.hs_goal_name).toBe('Old');
    });

    it('a lost answer is read back by id', async () => {
      const { gateway, live } = createFakeGateway(records);
      const read = countReads(gateway);
      const updateTargets = gateway.updateTargets;
      gateway.updateTargets = async (inputs) =>
        (await updateTargets(inputs)).map((o) => ({
          state: 'unknown' as const,
          index: o.index,
          message: 'the connection dropped',
        }));
      const report = await applyPlan(gateway, rename(['1000', '1001']), records);
      expect(report.kind).toBe('applied');
      expect(read).toEqual(['1000', '1001']);
      expect(names(live)).toContain('New');
    });

    it('a roll back whose restore answers show the values before reads back only what they do not prove', async () => {
      // 1050 fails for good: the 99 others of its batch are restored; the answers prove all but 1020.
      const { gateway, live } = createFakeGateway(records, { update: new Set(['1050']) });
      const read = countReads(gateway);
      const updateTargets = gateway.updateTargets;
      let calls = 0;
      gateway.updateTargets = async (inputs) => {
        calls++;
        const out = await updateTargets(inputs);
        if (calls < 2) return out;
        return out.map((o) =>
          o.state === 'ok' && o.record.id === '1020' ? { ...o, record: { id: '1020', properties: {} } } : o,
        );
      };
      const report = await applyPlan(gateway, rename(allIds), records);
      expect(report.kind).toBe('rolled_back');
      // Verify: the refused slice; roll back: the restore the answer did not prove.
      expect(read).toEqual(['1050', '1020']);
      expect(names(live)).toEqual(new Set(['Old']));
    });
  });

  it('one update goes through PATCH only when asked (goal_target_update); otherwise batch update', async () => {
    for (const patchSingle of [true, false]) {
      const { gateway } = createFakeGateway(records);
      const used: string[] = [];
      const { patchTarget, updateTargets } = gateway;
      gateway.patchTarget = (id, p) => {
        used.push('patch');
        return patchTarget(id, p);
      };
      gateway.updateTargets = (inputs) => {
        used.push('batch');
        return updateTargets(inputs);
      };
      expect((await applyPlan(gateway, rename(['1000']), records, { patchSingle })).kind).toBe('applied');
      expect(used).toEqual([patchSingle ? 'patch' : 'batch']);
    }
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
