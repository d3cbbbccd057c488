import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, it } from 'vitest';
import { BROKEN_PROBLEMS, buildDemoSeed, DEMO } from './demo.js';
import type { SeedRecord } from './types.js';

dayjs.extend(utc);

const seed = buildDemoSeed();
const targets = seed.objects.goal_targets ?? [];
const byFamily = new Map<string, SeedRecord[]>();
for (const record of targets) {
  const uuid = record.properties.hs_group_correlation_uuid ?? '(none)';
  byFamily.set(uuid, [...(byFamily.get(uuid) ?? []), record]);
}
const brokenUuids = new Set(Object.values(DEMO.broken).map((broken) => broken.uuid));
const healthy = [...byFamily.entries()].filter(([uuid]) => !brokenUuids.has(uuid) && uuid !== '(none)');

describe('the demo portal', () => {
  it('is the same on every build', () => {
    expect(JSON.stringify(buildDemoSeed())).toBe(JSON.stringify(seed));
  });

  it('has the people, teams and pipelines the issue asks for', () => {
    expect(seed.owners.length).toBeGreaterThanOrEqual(40);
    expect(seed.teams).toHaveLength(6);
    expect(seed.pipelines.deals).toHaveLength(3);
    expect(new Set(seed.owners.map((owner) => owner.id)).size).toBe(seed.owners.length);
  });

  it('has at least 60 healthy families over 2026 and 2027, monthly, quarterly and annual, for users and teams', () => {
    expect(healthy.length).toBeGreaterThanOrEqual(60);
    const all = healthy.flatMap(([, records]) => records);
    expect(new Set(all.map((r) => r.properties.hs_milestone))).toEqual(
      new Set(['monthly', 'quarterly', 'annually']),
    );
    expect(new Set(all.map((r) => r.properties.hs_start_datetime?.slice(0, 4)))).toEqual(
      new Set(['2026', '2027']),
    );
    expect(all.some((r) => r.properties.hubspot_owner_id)).toBe(true);
    expect(all.some((r) => r.properties.hs_assignee_team_id)).toBe(true);
  });

  it('gives every healthy slice exact period boundaries, a decimal amount and plausible progress', () => {
    for (const [, records] of healthy) {
      for (const { properties } of records) {
        const start = dayjs.utc(properties.hs_start_datetime);
        const end = dayjs.utc(properties.hs_end_datetime);
        expect(start.valueOf()).toBe(start.startOf('month').valueOf());
        expect(end.add(1, 'millisecond').valueOf()).toBe(
          end.add(1, 'millisecond').startOf('month').valueOf(),
        );
        expect(properties.hs_end_datetime).toMatch(/T23:59:59\.999Z$/);
        expect(properties.hs_target_amount).toMatch(/^\d+(\.\d\d)?$/);
        expect(properties.hs_kpi_value).toMatch(/^\d+(\.\d\d)?$/);
      }
      const perGroup = new Map<string, number>();
      for (const { properties } of records) {
        const group = properties.hs_goal_target_group_id ?? '';
        perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
      }
      const expected = { monthly: 12, quarterly: 4, annually: 1 }[
        records[0]?.properties.hs_milestone as 'monthly'
      ];
      for (const count of perGroup.values()) expect(count).toBe(expected);
    }
  });

  it('shows progress for past periods and none for future ones', () => {
    const past = targets.filter(
      (r) =>
        (r.properties.hs_end_datetime ?? '') < DEMO.asOf &&
        !brokenUuids.has(r.properties.hs_group_correlation_uuid ?? ''),
    );
    const future = targets.filter((r) => (r.properties.hs_start_datetime ?? '') > DEMO.asOf);
    expect(past.every((r) => r.properties.hs_kpi_value !== '0' && r.properties.hs_kpi_value !== '0.00')).toBe(
      true,
    );
    expect(future.every((r) => /^0(\.00)?$/.test(r.properties.hs_kpi_value ?? ''))).toBe(true);
  });

  it('has at least 8 broken families, each with its own problem and uuid', () => {
    expect(BROKEN_PROBLEMS.length).toBeGreaterThanOrEqual(8);
    expect(brokenUuids.size).toBe(BROKEN_PROBLEMS.length);
    const slicesOf = (problem: keyof typeof DEMO.broken) =>
      targets.filter((r) => r.properties.hs_group_correlation_uuid === DEMO.broken[problem].uuid);
    expect(new Set(slicesOf('mixedNames').map((r) => r.properties.hs_goal_name)).size).toBe(2);
    expect(slicesOf('missingMonth')).toHaveLength(11);
    expect(new Set(slicesOf('splitGroupId').map((r) => r.properties.hs_goal_target_group_id)).size).toBe(2);
    const reused = slicesOf('groupIdReused');
    expect(new Set(reused.map((r) => r.properties.hs_goal_target_group_id)).size).toBe(1);
    expect(new Set(reused.map((r) => r.properties.hubspot_owner_id)).size).toBe(2);
    expect(slicesOf('wrongSliceCount').every((r) => r.properties.hs_milestone === 'quarterly')).toBe(true);
    expect(slicesOf('wrongSliceCount')).toHaveLength(12);
    expect(
      slicesOf('bothAssignees').every(
        (r) => r.properties.hubspot_owner_id && r.properties.hs_assignee_team_id,
      ),
    ).toBe(true);
    expect(slicesOf('negativeAmount').some((r) => r.properties.hs_target_amount?.startsWith('-'))).toBe(true);
    expect(slicesOf('nonNumericAmount').some((r) => r.properties.hs_target_amount === '12k')).toBe(true);
    const orphan = targets.find((r) => r.id === DEMO.broken.orphanSlice.recordIds[0]);
    expect(orphan?.properties.hs_group_correlation_uuid).toBeUndefined();
    expect(slicesOf('overlappingPeriods')).toHaveLength(13);
    const april = targets.find((r) => r.id === DEMO.broken.misalignedBoundary.recordIds[0]);
    expect(april?.properties.hs_start_datetime).toBe('2026-04-02T00:00:00.000Z');
  });

  it('names deals, companies and contacts owned by different seeded owners', () => {
    const deals = seed.objects.deals ?? [];
    expect(deals.length).toBeGreaterThanOrEqual(6);
    expect(new Set(deals.map((deal) => deal.properties.hubspot_owner_id)).size).toBe(deals.length);
    expect(
      deals.find((deal) => deal.id === DEMO.deals.ownedByRepWithoutEditRights)?.properties.hubspot_owner_id,
    ).toBe(DEMO.owners.repWithoutEditRights);
    expect(seed.objects.companies).toHaveLength(3);
    expect(seed.objects.contacts).toHaveLength(3);
    const ownerIds = new Set(seed.owners.map((owner) => owner.id));
    for (const record of [...deals, ...(seed.objects.companies ?? []), ...(seed.objects.contacts ?? [])]) {
      expect(ownerIds.has(record.properties.hubspot_owner_id ?? '')).toBe(true);
    }
  });
});
