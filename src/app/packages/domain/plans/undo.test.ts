// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROP } from '../properties';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { rawSchedule, UUID_A } from '../testing/fixtures';
import { changeProgress, planFinish, planRollBack, planUndo, type RecordedChange } from './undo';

const base = () => [
  ...rawSchedule({ pipelineIds: '' }),
  ...rawSchedule({ groupId: '5002', assignee: '102', firstId: 9101, pipelineIds: '' }),
];
const slicesOf = (raws: readonly RawGoalTarget[]) => raws.map(parseTarget);
const READ_ONLY: readonly string[] = [PROP.objectId, PROP.createdAt, PROP.lastModified];
const writable = (raw: RawGoalTarget) =>
  Object.fromEntries(
    Object.entries(raw.properties).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && !READ_ONLY.includes(e[0]),
    ),
  );
/** Comparable state: every live slice's writable properties, by group and start (ids change on re-create). */
const state = (raws: readonly RawGoalTarget[]) =>
  raws.map((r) => JSON.stringify(Object.entries(writable(r)).sort(([a], [b]) => a.localeCompare(b)))).sort();

/**
 * A change of the base family: pipelines set on some slices (empty before), names changed on others,
 * some archived, and a third group of `creates` months created.
 */
function makeChange(pick: { pipelines: number[]; names: number[]; archives: number[]; creates: number }) {
  const raws = base();
  const byIndex = (i: number) => raws[i % raws.length]!;
  const updated = new Set<string>();
  const updates: RecordedChange['updates'][number][] = [];
  for (const i of pick.pipelines) {
    const r = byIndex(i);
    if (updated.has(`${r.id}p`)) continue;
    updated.add(`${r.id}p`);
    updates.push({ id: r.id, property: PROP.pipelineIds, before: null, after: 'default' });
  }
  for (const i of pick.names) {
    const r = byIndex(i);
    if (updated.has(`${r.id}n`)) continue;
    updated.add(`${r.id}n`);
    updates.push({
      id: r.id,
      property: PROP.name,
      before: r.properties[PROP.name] ?? null,
      after: 'Renamed',
    });
  }
  const touched = new Set(updates.map((u) => u.id));
  const archives = [...new Set(pick.archives.map((i) => byIndex(i)))]
    .filter((r) => !touched.has(r.id))
    .map((r) => ({ id: r.id, properties: writable(r) }));
  const creates =
    pick.creates === 0
      ? []
      : rawSchedule({
          groupId: '5003',
          assignee: '103',
          firstId: 1,
          count: pick.creates,
          pipelineIds: '',
        }).map((r) => ({ properties: writable(r) }));
  const change: RecordedChange = {
    uuid: UUID_A,
    beforeIds: raws.map((r) => r.id),
    updates,
    creates,
    createdIds: [],
    archives,
  };
  return { raws, change };
}

/** The change applied to the first `k` of its writes (in the order an apply sends them), as HubSpot would. */
function applyPartly(raws: RawGoalTarget[], change: RecordedChange, k: number, nextId: () => string) {
  // One write per slice, as an apply sends them: every updated property of a slice in one input.
  const updateIds = [...new Set(change.updates.map((u) => u.id))];
  const writes = [
    ...change.creates.map((c) => ({ kind: 'create' as const, c })),
    ...updateIds.map((id) => ({ kind: 'update' as const, us: change.updates.filter((u) => u.id === id) })),
    ...change.archives.map((a) => ({ kind: 'archive' as const, a })),
  ];
  const total = writes.length;
  writes.splice(k);
  let out = raws.map((r) => ({ ...r, properties: { ...r.properties } }));
  const createdIds: string[] = [];
  for (const w of writes) {
    if (w.kind === 'create') {
      const id = nextId();
      createdIds.push(id);
      out.push({ id, properties: { ...w.c.properties, [PROP.objectId]: id } });
    } else if (w.kind === 'update') {
      const after = Object.fromEntries(w.us.map((u) => [u.property, u.after]));
      out = out.map((r) => (r.id === w.us[0]?.id ? { ...r, properties: { ...r.properties, ...after } } : r));
    } else out = out.filter((r) => r.id !== w.a.id);
  }
  return { raws: out, createdIds, total };
}

describe('planUndo', () => {
  it('an empty "before" is restored by clearing the property, never by archiving', () => {
    const { raws, change } = makeChange({
      pipelines: Array.from({ length: 24 }, (_, i) => i),
      names: [],
      archives: [],
      creates: 0,
    });
    const after = applyPartly(raws, change, 24, counter(1)).raws;
    const undo = planUndo(change, slicesOf(after));
    expect(undo.ok).toBe(true);
    if (!undo.ok) return;
    expect(undo.value.archives).toEqual([]);
    expect(undo.value.updates).toHaveLength(24);
    expect(undo.value.updates.every((u) => u.after[PROP.pipelineIds] === '')).toBe(true);
    expect(undo.value.summary).toBe('Undo: earlier values back on 24 periods');
  });

  it('archives exactly the created slices and re-creates the archived ones', () => {
    const { raws, change } = makeChange({ pipelines: [], names: [0], archives: [5, 6], creates: 3 });
    const applied = applyPartly(raws, change, 6, counter(1));
    const withIds = { ...change, createdIds: applied.createdIds };
    const undo = planUndo(withIds, slicesOf(applied.raws));
    expect(undo.ok && undo.value.archives.map((a) => a.id)).toEqual(applied.createdIds);
    expect(undo.ok && undo.value.creates.map((c) => c.properties[PROP.start])).toEqual(
      change.archives.map((a) => a.properties[PROP.start]),
    );
    expect(undo.ok && undo.value.summary).toBe(
      'Undo: earlier values back on 1 period; 2 archived periods brought back; 3 periods it created archived',
    );
  });

  it('refuses a change the family no longer fully holds (CHANGED_SINCE), and one recording nothing', () => {
    const { raws, change } = makeChange({ pipelines: [0, 1], names: [], archives: [], creates: 0 });
    const after = applyPartly(raws, change, 2, counter(1)).raws;
    const edited = after.map((r) =>
      r.id === raws[1]!.id ? { ...r, properties: { ...r.properties, [PROP.pipelineIds]: '7100001' } } : r,
    );
    expect(planUndo(change, slicesOf(edited))).toMatchObject({ ok: false, error: { code: 'CHANGED_SINCE' } });
    const later = after.map((r) =>
      r.id === raws[5]!.id
        ? { ...r, properties: { ...r.properties, [PROP.lastModified]: '2027-01-01T00:00:00.000Z' } }
        : r,
    );
    expect(planUndo(change, slicesOf(later), Date.parse('2026-06-01T00:00:00.000Z'))).toMatchObject({
      ok: false,
      error: { code: 'CHANGED_SINCE' },
    });
    expect(planUndo({ ...change, updates: [] }, slicesOf(after))).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_UNDO' },
    });
  });
});

describe('finish and roll back an unfinished change', () => {
  const arbitraryChange = fc.record({
    pipelines: fc.array(fc.nat(23), { maxLength: 8 }),
    names: fc.array(fc.nat(23), { maxLength: 8 }),
    archives: fc.array(fc.nat(23), { maxLength: 4 }),
    creates: fc.nat(4),
  });

  it('from any point of an interrupted apply: finish reaches "after", roll back reaches "before", each naming exactly what differs', () => {
    fc.assert(
      fc.property(arbitraryChange, fc.nat(40), fc.boolean(), (pick, cut, knowIds) => {
        const { raws, change } = makeChange(pick);
        const ids = counter(1);
        const full = applyPartly(raws, change, Number.MAX_SAFE_INTEGER, counter(5000));
        const partly = applyPartly(raws, change, cut, ids);
        const recorded = { ...change, createdIds: knowIds ? partly.createdIds : [] };
        const progress = changeProgress(recorded, slicesOf(partly.raws));
        const done = Math.min(cut, partly.total);

        const finish = planFinish(recorded, slicesOf(partly.raws));
        expect(finish.updates.length + finish.creates.length + finish.archives.length).toBe(
          partly.total - done,
        );
        expect(state(applyPlan(partly.raws, finish, counter(9000)))).toEqual(state(full.raws));

        const back = planRollBack(recorded, slicesOf(partly.raws));
        expect(back.updates.length + back.creates.length + back.archives.length).toBe(done);
        expect(state(applyPlan(partly.raws, back, counter(9000)))).toEqual(state(raws));
        expect(progress.other).toEqual([]);
      }),
      { numRuns: 150, seed: 10 },
    );
  });

  it('a roll back interrupted in turn is finished by rolling back again, without re-creating twice', () => {
    const { raws, change } = makeChange({ pipelines: [0], names: [], archives: [3, 4], creates: 2 });
    const applied = applyPartly(raws, change, 10, counter(1));
    const back = planRollBack(change, slicesOf(applied.raws));
    // Only the first re-create of the roll back happened.
    const half = applyPlan(
      applied.raws,
      { ...back, updates: [], archives: [], creates: back.creates.slice(0, 1) },
      counter(7000),
    );
    const again = planRollBack(change, slicesOf(half));
    expect(again.creates).toHaveLength(1);
    expect(state(applyPlan(half, again, counter(8000)))).toEqual(state(raws));
  });
});
