import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { auditFamilies } from '../health/audit';
import { PROP } from '../properties';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { rawSchedule, withProps } from '../testing/fixtures';
import { planRepair } from './repair';

type Breakage = (raws: RawGoalTarget[], i: number) => RawGoalTarget[];
const at = (i: number, raws: RawGoalTarget[], props: Record<string, string | null>) =>
  raws.map((r, j) => (j === i % raws.length ? withProps(r, props) : r));

const BREAKAGES: Record<string, Breakage> = {
  rename: (r, i) => at(i, r, { [PROP.name]: 'Old name' }),
  pipelines: (r, i) => at(i, r, { [PROP.pipelineIds]: '7781' }),
  goalType: (r, i) => at(i, r, { [PROP.goalType]: 'calls' }),
  splitGroup: (r, i) => at(i, r, { [PROP.groupId]: '5999' }),
  noGroup: (r, i) => at(i, r, { [PROP.groupId]: null }),
  missing: (r, i) => r.filter((_, j) => j !== i % r.length),
  duplicate: (r, i) => [...r, { ...(r[i % r.length] as RawGoalTarget), id: `77${i}` }],
  lateStart: (r, i) => {
    const raw = r[i % r.length] as RawGoalTarget;
    const start = Date.parse(raw.properties[PROP.start] ?? '') + 3 * 3_600_000;
    return at(i, r, { [PROP.start]: new Date(start).toISOString() });
  },
  bothAssignees: (r, i) => at(i, r, { [PROP.teamId]: '55' }),
  noAssignee: (r, i) => at(i, r, { [PROP.ownerId]: null }),
  orphan: (r, i) => at(i, r, { [PROP.uuid]: null }),
};

/** Applies one repair at a time, re-auditing after each, until no finding offers a repair. */
function repairAll(raws: RawGoalTarget[]): { raws: RawGoalTarget[]; rounds: number } {
  const nextId = counter(50_000);
  let current = raws;
  for (let round = 0; round < 30; round++) {
    const { families, orphans } = groupFamilies(current.map(parseTarget));
    const finding = auditFamilies(families, { timeZone: 'UTC' }, orphans).find((f) => f.repair !== null);
    if (!finding) return { raws: current, rounds: round };
    const family = families.find((f) => f.uuid === finding.familyUuid);
    const scope = family ?? { uuid: null, slices: orphans.filter((o) => finding.sliceIds.includes(o.id)) };
    const plan = planRepair(scope, finding);
    if (!plan.ok) throw new Error(`${finding.id}: ${plan.error.message}`);
    current = applyPlan(current, plan.value, nextId);
  }
  throw new Error('repairs did not converge');
}

describe('repairing everything repairable converges', () => {
  it('on families with random breakages (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(BREAKAGES)), fc.nat(23)), {
          minLength: 1,
          maxLength: 4,
        }),
        (breakages) => {
          let raws: RawGoalTarget[] = [
            ...rawSchedule(),
            ...rawSchedule({ groupId: '5002', assignee: 'team:77', firstId: 9101 }),
          ];
          for (const [name, i] of breakages) raws = (BREAKAGES[name] as Breakage)(raws, i);
          const { raws: repaired } = repairAll(raws);
          const { families, orphans } = groupFamilies(repaired.map(parseTarget));
          const left = auditFamilies(families, { timeZone: 'UTC' }, orphans);
          expect(left.filter((f) => f.repair !== null)).toEqual([]);
          // What stays is what needs a person: never a disagreement or a split the app could fix.
          for (const f of left) {
            expect([
              'family-properties-disagree',
              'group-id-split',
              'periods-missing',
              'periods-misaligned',
            ]).not.toContain(f.ruleId);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
