import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePortal } from './generate.js';

describe('generatePortal', () => {
  it('makes exactly the number of targets asked for, deterministically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), (targets) => {
        const portal = generatePortal({ targets });
        expect(portal.objects.goal_targets).toHaveLength(targets);
        return true;
      }),
      { numRuns: 25 },
    );
    expect(JSON.stringify(generatePortal({ targets: 500 }))).toBe(
      JSON.stringify(generatePortal({ targets: 500 })),
    );
  });

  it('keeps families whole: every target group has the slice count of its milestone', () => {
    const records = generatePortal({ targets: 5_000 }).objects.goal_targets ?? [];
    const groups = new Map<string, { milestone: string; count: number }>();
    for (const { properties } of records) {
      const key = properties.hs_goal_target_group_id ?? '';
      const group = groups.get(key) ?? { milestone: properties.hs_milestone ?? '', count: 0 };
      group.count++;
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      expect(group.count).toBe({ monthly: 12, quarterly: 4, annually: 1 }[group.milestone as 'monthly']);
    }
  });
});
