/**
 * The health check stays true after a repair: a repair answers with the family's fresh findings, and
 * a finding that is gone says so in plain words (not "this goal no longer exists"). Issue 10, item 5.
 */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, DEMO, startEmulator } from './harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'demo' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ searchLagMs: 0 });
});

type Finding = { id: string; ruleId: string; repair: string | null };

describe('repairs and the findings they leave', () => {
  it('a split group id: the repair answers with fresh findings, and a finding it fixed says it is gone', async () => {
    const uuid = DEMO.broken.splitGroupId.uuid;
    const before: Finding[] = (await call('goal_family_get', { ...asAdmin, uuid })).family.findings;
    const split = before.find((f) => f.ruleId === 'group-id-split');
    const missing = before.find((f) => f.ruleId === 'periods-missing');
    if (!split || !missing) throw new Error(JSON.stringify(before));

    const preview = await call('goal_family_repair', { ...asAdmin, uuid, findingId: split.id, dryRun: true });
    const repaired = await call('goal_family_repair', {
      ...asAdmin,
      uuid,
      findingId: split.id,
      version: preview.plan.version,
    });
    expect(repaired.ok).toBe(true);
    const fresh: Finding[] = repaired.findings;
    expect(fresh.map((f) => f.id)).not.toContain(split.id);
    // The gaps were the split's doing: the family's fresh findings no longer list them.
    expect(fresh.map((f) => f.id)).not.toContain(missing.id);
    const now: Finding[] = (await call('goal_family_get', { ...asAdmin, uuid })).family.findings;
    expect(fresh.map((f) => f.id).sort()).toEqual(now.map((f) => f.id).sort());

    const stale = await call('goal_family_repair', { ...asAdmin, uuid, findingId: missing.id, dryRun: true });
    expect(stale.ok).toBe(false);
    expect(stale.error.details.reason).toBe('FINDING_GONE');
    expect(stale.error.message).toMatch(/no longer/i);
    expect(stale.error.message).not.toMatch(/goal no longer exists|archived/i);
    expect(stale.error.details.findings.map((f: Finding) => f.id).sort()).toEqual(
      now.map((f) => f.id).sort(),
    );
  });
});
