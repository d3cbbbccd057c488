import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFinding, OTHER_UUID } from '../../cards/__tests__/fixtures';
import { groupFindings, mergeFindings } from './groupFindings';

describe('groupFindings', () => {
  const a1 = makeFinding({ id: 'a1', severity: 'warning', ruleId: 'z' });
  const a2 = makeFinding({ id: 'a2', severity: 'error', ruleId: 'y' });
  const b1 = makeFinding({ id: 'b1', severity: 'warning', familyUuid: OTHER_UUID, familyName: 'Other' });
  const orphan = makeFinding({ id: 'o1', severity: 'info', familyUuid: null, familyName: null });

  it('groups by family, worst family first, worst finding first', () => {
    const groups = groupFindings([b1, a1, orphan, a2]);
    expect(groups.map((g) => g.familyName)).toEqual([
      'Q-2026 New business',
      'Other',
      'Targets that belong to no goal',
    ]);
    expect(groups[0]?.findings.map((f) => f.id)).toEqual(['a2', 'a1']);
    expect(groups[0]?.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(groups[2]?.familyUuid).toBeNull();
  });

  it('keeps every finding exactly once whatever the input order', () => {
    const all = [a1, a2, b1, orphan];
    fc.assert(
      fc.property(fc.shuffledSubarray(all), (subset) => {
        const ids = groupFindings(subset).flatMap((g) => g.findings.map((f) => f.id));
        expect(ids.sort()).toEqual(subset.map((f) => f.id).sort());
        expect(groupFindings(subset)).toEqual(groupFindings([...subset].reverse()));
      }),
    );
  });
});

describe('mergeFindings', () => {
  it('replaces findings re-reported with the same id', () => {
    const old = makeFinding({ id: 'x', message: 'old' });
    const fresh = makeFinding({ id: 'x', message: 'new' });
    const other = makeFinding({ id: 'y' });
    expect(mergeFindings([old, other], [fresh])).toEqual([other, fresh]);
  });
});
