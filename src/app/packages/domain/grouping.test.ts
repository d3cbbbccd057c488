// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assigneeFromKey,
  assigneeKey,
  compareIds,
  groupFamilies,
  majority,
  majorityPipelineIdsRaw,
} from './grouping';
import { PROP } from './properties';
import { parseTarget, type RawGoalTarget } from './target';
import { rawSchedule, UUID_A, UUID_B, withProps } from './testing/fixtures';

describe('groupFamilies', () => {
  it('groups two families of two assignees into ordered slices', () => {
    const raws = [
      ...rawSchedule({ groupId: '5002', assignee: 'team:77', firstId: 9101 }),
      ...rawSchedule({ groupId: '5001', firstId: 9001 }),
      ...rawSchedule({ uuid: UUID_B, groupId: '6001', milestone: 'quarterly', firstId: 9201 }),
    ].reverse();
    const { families, orphans } = groupFamilies(raws.map(parseTarget));
    expect(orphans).toEqual([]);
    expect(families.map((f) => f.uuid)).toEqual([UUID_A, UUID_B]);
    const a = families[0]!;
    expect(a.groups.map((g) => [g.groupId, g.assignee])).toEqual([
      ['5001', { kind: 'owner', id: '101' }],
      ['5002', { kind: 'team', id: '77' }],
    ]);
    expect(a.groups[0]!.slices.map((t) => t.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(9001 + i)),
    );
    expect(a.slices).toHaveLength(24);
    expect(a.name).toEqual({ value: 'Q1-Q4 New business', disagreeing: [] });
    expect(a.pipelineIds).toEqual({ value: ['default'], disagreeing: [] });
    expect(families[1]!.milestone.value).toBe('quarterly');
  });

  it('reports the slices that disagree with the majority value', () => {
    const raws = rawSchedule();
    raws[3] = withProps(raws[3]!, { [PROP.name]: 'Renamed', [PROP.pipelineIds]: 'default;7781' });
    raws[4] = withProps(raws[4]!, { [PROP.goalType]: 'calls' });
    const [family] = groupFamilies(raws.map(parseTarget)).families;
    expect(family!.name).toEqual({ value: 'Q1-Q4 New business', disagreeing: ['9004'] });
    expect(family!.goalType.disagreeing).toEqual(['9005']);
    expect(family!.pipelineIds).toEqual({ value: ['default'], disagreeing: ['9004'] });
    expect(majorityPipelineIdsRaw(family!)).toBe('default');
  });

  it('breaks ties deterministically (smallest value wins)', () => {
    const raws = rawSchedule({ count: 2 });
    raws[0] = withProps(raws[0]!, { [PROP.name]: 'Zeta' });
    raws[1] = withProps(raws[1]!, { [PROP.name]: 'Alpha' });
    const one = groupFamilies(raws.map(parseTarget)).families[0]!;
    const two = groupFamilies([...raws].reverse().map(parseTarget)).families[0]!;
    expect(one.name).toEqual({ value: 'Alpha', disagreeing: ['9001'] });
    expect(two.name).toEqual(one.name);
  });

  it('keeps targets without a uuid as orphans and without a group id in a null group', () => {
    const raws = rawSchedule({ count: 3 });
    raws[0] = withProps(raws[0]!, { [PROP.uuid]: null });
    raws[1] = withProps(raws[1]!, { [PROP.groupId]: '' });
    const { families, orphans } = groupFamilies(raws.map(parseTarget));
    expect(orphans.map((t) => t.id)).toEqual(['9001']);
    expect(families[0]!.groups.map((g) => [g.groupId, g.slices.map((t) => t.id)])).toEqual([
      ['5001', ['9003']],
      [null, ['9002']],
    ]);
  });

  it('orders slices without a start last', () => {
    const raws = rawSchedule({ count: 3 });
    raws[0] = withProps(raws[0]!, { [PROP.start]: null });
    const family = groupFamilies(raws.map(parseTarget)).families[0]!;
    expect(family.slices.map((t) => t.id)).toEqual(['9002', '9003', '9001']);
  });

  it('puts every input target in exactly one place (property)', () => {
    const rawTarget = fc.record({
      id: fc.integer({ min: 1, max: 500 }).map(String),
      uuid: fc.constantFrom(UUID_A, UUID_B, null, ''),
      groupId: fc.constantFrom('1', '2', '10', null),
      owner: fc.constantFrom('101', '102', null),
      start: fc.option(
        fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString()),
      ),
      name: fc.constantFrom('A', 'B', ''),
    });
    fc.assert(
      fc.property(fc.array(rawTarget, { maxLength: 60 }), (rows) => {
        const raws: RawGoalTarget[] = rows.map((r, i) => ({
          id: `${r.id}-${i}`,
          properties: {
            [PROP.uuid]: r.uuid,
            [PROP.groupId]: r.groupId,
            [PROP.ownerId]: r.owner,
            [PROP.start]: r.start,
            [PROP.name]: r.name,
          },
        }));
        const { families, orphans } = groupFamilies(raws.map(parseTarget));
        const seen: string[] = [...orphans.map((t) => t.id)];
        for (const f of families) {
          const inGroups = f.groups.flatMap((g) => g.slices.map((t) => t.id)).sort();
          expect(inGroups).toEqual(f.slices.map((t) => t.id).sort());
          for (const t of f.slices) expect(t.uuid).toBe(f.uuid);
          for (const g of f.groups) for (const t of g.slices) expect(t.groupId).toBe(g.groupId);
          seen.push(...inGroups);
        }
        expect(seen.sort()).toEqual(raws.map((r) => r.id).sort());
        for (const t of orphans) expect(t.uuid).toBeNull();
      }),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['9', '10', -1],
    ['10', '9', 1],
    ['10', '10', 0],
    ['abc', '1', 1],
    ['1', 'abc', -1],
    ['abc', 'abd', -1],
    ['abd', 'abc', 1],
    ['123', '124', -1],
  ])('compareIds(%s, %s) has sign %d', (a, b, sign) => expect(Math.sign(compareIds(a, b))).toBe(sign));

  it('majority with no items is empty', () => {
    expect(majority([], String, String)).toEqual({ key: '', disagreeing: [] });
  });

  it('assignee keys round-trip', () => {
    expect(assigneeFromKey(assigneeKey({ kind: 'team', id: '7' }))).toEqual({ kind: 'team', id: '7' });
    expect(assigneeFromKey(assigneeKey(null))).toBeNull();
  });
});
