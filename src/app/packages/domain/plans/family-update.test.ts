// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { PROP } from '../properties';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { familyOf, rawSchedule, UUID_A, UUID_B, withProps } from '../testing/fixtures';
import { familyVersion } from '../version';
import { planFamilyUpdate } from './family-update';

describe('planFamilyUpdate', () => {
  it('renames only the slices that differ, and carries the version', () => {
    const raws = rawSchedule().map((r, i) => (i < 2 ? withProps(r, { [PROP.name]: 'New name' }) : r));
    const family = familyOf(raws);
    const plan = planFamilyUpdate(family, { name: '  New name ' });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.updates).toHaveLength(10);
    expect(plan.value.updates[0]).toEqual({
      id: '9003',
      label: 'Q1-Q4 New business · 2026-03-01 · #9003',
      before: { [PROP.name]: 'Q1-Q4 New business' },
      after: { [PROP.name]: 'New name' },
    });
    expect(plan.value.version).toBe(familyVersion(family.slices));
    expect(plan.value.operation).toBe('family-update');
    expect(plan.value.creates).toEqual([]);
    expect(plan.value.archives).toEqual([]);
  });

  it('writes pipelines with the separator and goal types trimmed', () => {
    const plan = planFamilyUpdate(familyOf(rawSchedule({ count: 1 })), {
      pipelineIds: ['default', '7781'],
      goalType: ' calls ',
    });
    expect(plan.ok && plan.value.updates[0]!.after).toEqual({
      [PROP.pipelineIds]: 'default;7781',
      [PROP.goalType]: 'calls',
    });
  });

  it('warns when nothing changes', () => {
    const plan = planFamilyUpdate(familyOf(rawSchedule()), { name: 'Q1-Q4 New business' });
    expect(plan.ok && plan.value.updates).toEqual([]);
    expect(plan.ok && plan.value.warnings[0]).toContain('nothing will be written');
  });

  it.each([
    [{}, 'NOTHING_TO_CHANGE'],
    [{ name: '   ' }, 'INVALID_NAME'],
    [{ goalType: '' }, 'INVALID_GOAL_TYPE'],
  ])('refuses %j', (changes, code) => {
    expect(planFamilyUpdate(familyOf(rawSchedule()), changes)).toMatchObject({ ok: false, error: { code } });
  });

  it('leaves every slice of the family equal and touches no other family (property)', () => {
    const messy = fc.array(
      fc.record({
        i: fc.nat(23),
        name: fc.constantFrom('A', 'B', ''),
        pipes: fc.constantFrom('default', '1;2', ''),
      }),
      {
        maxLength: 10,
      },
    );
    fc.assert(
      fc.property(
        messy,
        fc.constantFrom('Renewals 2026', 'A'),
        fc.array(fc.constantFrom('default', '7781', '99'), { maxLength: 3 }),
        (edits, name, pipelineIds) => {
          let ours: RawGoalTarget[] = [
            ...rawSchedule(),
            ...rawSchedule({ groupId: '5002', assignee: '102', firstId: 9101 }),
          ];
          for (const e of edits)
            ours = ours.map((r, j) =>
              j === e.i ? withProps(r, { [PROP.name]: e.name, [PROP.pipelineIds]: e.pipes }) : r,
            );
          const theirs = rawSchedule({ uuid: UUID_B, groupId: '6001', firstId: 8001 });
          const all = [...theirs, ...ours];
          const family = groupFamilies(all.map(parseTarget)).families.find((f) => f.uuid === UUID_A)!;
          const plan = planFamilyUpdate(family, { name, pipelineIds });
          if (!plan.ok) throw new Error(plan.error.message);
          const ids = new Set(family.slices.map((t) => t.id));
          for (const u of plan.value.updates) expect(ids.has(u.id)).toBe(true);
          const after = applyPlan(all, plan.value, counter(1)).map(parseTarget);
          for (const t of after) {
            if (t.uuid === UUID_A) {
              expect(t.name).toBe(name);
              expect(t.pipelineIds).toEqual(pipelineIds);
            } else expect(theirs.map((r) => r.id)).toContain(t.id);
          }
          const again = groupFamilies(after).families.find((f) => f.uuid === UUID_A)!;
          expect(again.name.disagreeing).toEqual([]);
          expect(again.pipelineIds.disagreeing).toEqual([]);
        },
      ),
    );
  });
});
