/**
 * Every function refuses bad parameters with a VALIDATION_ERROR result — never a throw — and writes
 * nothing: the emulator's data stays byte-for-byte the same.
 */

import { type FunctionUid, functionUids } from '@goal-families/contract';
import type { Emulator } from '@goal-families/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, call, DEMO, startEmulator } from './harness';

let emulator: Emulator;
let snapshot: string;
beforeAll(async () => {
  emulator = await startEmulator();
  snapshot = emulator.snapshot();
});
afterAll(() => emulator.close());

const uuid = DEMO.families.teamRevenue2026;
const spread = { mode: 'even', total: '100.00' };

/** A valid parameter set per uid: the matrix breaks one thing at a time. */
const valid: Record<FunctionUid, Record<string, unknown>> = {
  goal_families_list: { ...asAdmin },
  goal_family_get: { ...asAdmin, uuid },
  goal_family_create: {
    ...asAdmin,
    dryRun: true,
    name: 'N',
    milestone: 'monthly',
    startDate: '2026-01-01',
    periodCount: 12,
    assignees: [{ kind: 'owner', id: '1' }],
    spread,
  },
  goal_family_update: { ...asAdmin, uuid, dryRun: true, changes: { name: 'N' } },
  goal_target_update: { ...asAdmin, uuid, dryRun: true, targetId: '1', targetAmount: '1.00' },
  goal_family_archive: { ...asAdmin, uuid, dryRun: true },
  goal_target_archive: { ...asAdmin, uuid, dryRun: true, targetId: '1' },
  goal_assignee_add: {
    ...asAdmin,
    uuid,
    dryRun: true,
    assignee: { kind: 'owner', id: '1' },
    spread,
  },
  goal_assignee_remove: { ...asAdmin, uuid, dryRun: true, assignee: { kind: 'owner', id: '1' } },
  goal_families_audit: { ...asAdmin },
  goal_families_index: { ...asAdmin },
  goal_family_repair: { ...asAdmin, uuid, dryRun: true, findingId: 'x' },
  goal_family_clone: { ...asAdmin, uuid, dryRun: true },
  goal_journal_list: { ...asAdmin },
  goal_change_undo: { ...asAdmin, entryId: '1', dryRun: true },
  owners_and_teams_list: { ...asAdmin },
  goal_property_options: { ...asAdmin },
  app_settings_get: { ...asAdmin },
  app_store_check: { ...asAdmin },
  app_settings_save: {
    ...asAdmin,
    version: null,
    settings: {
      editors: { superAdmins: true, userIds: [], teamIds: [] },
      defaults: { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: 'USD' },
      card: { showYearAtAGlance: true, showHealth: true, maxFamilies: 10 },
    },
  },
};

const odd = [
  '',
  ' ',
  '\u0000',
  'a\u0007b',
  '🎯'.repeat(3),
  '<script>',
  "'; DROP TABLE",
  'x'.repeat(5_000),
  '\u202e',
];

/** Ways to break a valid parameter set; each must be refused. */
function badVariants(uid: FunctionUid): [string, unknown][] {
  const v = valid[uid];
  const without = (k: string) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k));
  const cases: [string, unknown][] = [
    ['not an object: null', null],
    ['not an object: number', 42],
    ['not an object: string', 'goal'],
    ['not an object: array', [v]],
    ['missing caller', without('caller')],
    ['missing portal', without('portal')],
    ['unknown top-level key', { ...v, extra: 1 }],
    ['unknown key in caller', { ...v, caller: { ...asAdmin.caller, role: 'root' } }],
    // Roles are looked up, never believed: a claimed role is an unknown key.
    ['forged isSuperAdmin', { ...v, caller: { ...asAdmin.caller, isSuperAdmin: true } }],
    ['forged teamIds', { ...v, caller: { ...asAdmin.caller, teamIds: ['1'] } }],
    ['caller id not numeric', { ...v, caller: { userId: 'abc' } }],
    ['caller id wrong type', { ...v, caller: { userId: 123 } }],
    ['bad time zone', { ...v, portal: { id: '1', timeZone: 'Mars/Olympus' } }],
    [
      'huge team list',
      { ...v, caller: { ...asAdmin.caller, teamIds: Array.from({ length: 10_000 }, (_, i) => String(i)) } },
    ],
  ];
  for (const [key, value] of Object.entries(v)) {
    if (key === 'caller' || key === 'portal') continue;
    cases.push([`${key}: wrong type (object)`, { ...v, [key]: { nested: true } }]);
    if (typeof value === 'string')
      for (const s of odd)
        cases.push([`${key}: odd string ${JSON.stringify(s.slice(0, 12))}`, { ...v, [key]: s }]);
    if (typeof value === 'number')
      cases.push([`${key}: out of range`, { ...v, [key]: 1e9 }], [`${key}: fraction`, { ...v, [key]: 1.5 }]);
    if (Array.isArray(value))
      cases.push([`${key}: huge array`, { ...v, [key]: Array.from({ length: 20_000 }, () => value[0]) }]);
    if (typeof value === 'boolean') cases.push([`${key}: string for boolean`, { ...v, [key]: 'true' }]);
  }
  if ('dryRun' in v && uid !== 'goal_family_create' && uid !== 'goal_family_clone') {
    cases.push(['apply without a version', { ...v, dryRun: false }]);
  }
  cases.push(
    ['limit out of range', { ...v, limit: 0 }],
    ['cursor too long', { ...v, cursor: 'c'.repeat(5_000) }],
  );
  return cases;
}

/** Cases that are legitimately valid for some uids (an odd but allowed name, say) are filtered out. */
function expectRefused(
  result: { ok: boolean; error?: { code: string; details?: { issues?: unknown[] } } },
  label: string,
) {
  expect(result.ok, label).toBe(false);
  expect(result.error?.code, label).toBe('VALIDATION_ERROR');
  expect(Array.isArray(result.error?.details?.issues), label).toBe(true);
}

describe.each(functionUids)('%s', (uid) => {
  it('refuses every bad-input variant', async () => {
    for (const [name, params] of badVariants(uid)) {
      const result = await call(uid, params);
      if (result.ok && /odd string|cursor/.test(name)) continue; // e.g. an emoji name is a fine name
      if (!result.ok && result.error.code !== 'VALIDATION_ERROR' && /odd string/.test(name)) continue;
      expectRefused(result, `${uid} / ${name}: ${JSON.stringify(result).slice(0, 200)}`);
    }
    expect(emulator.snapshot()).toBe(snapshot);
  });

  it('fuzz: arbitrary JSON parameters are a VALIDATION_ERROR, never a throw, never a write', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom(...Object.keys(valid[uid]), 'x', '__proto__', 'constructor'),
            fc.jsonValue(),
          ),
        ),
        async (params) => {
          const result = await call(uid, params);
          expectRefused(result, JSON.stringify(params).slice(0, 200));
        },
      ),
      { numRuns: 40 },
    );
    expect(emulator.snapshot()).toBe(snapshot);
  });
});
