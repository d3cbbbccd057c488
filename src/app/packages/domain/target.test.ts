// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import { describe, expect, it } from 'vitest';
import { PROP } from './properties';
import { parseTarget, sliceLabel } from './target';
import { rawSchedule, UUID_A, withProps } from './testing/fixtures';

const base = rawSchedule()[0]!;

describe('parseTarget', () => {
  it('reads a realistic HubSpot record', () => {
    const t = parseTarget(base);
    expect(t).toMatchObject({
      id: '9001',
      uuid: UUID_A,
      groupId: '5001',
      name: 'Q1-Q4 New business',
      goalType: 'sales_quota',
      milestone: 'monthly',
      pipelineIds: ['default'],
      pipelineIdsRaw: 'default',
      startMs: Date.UTC(2026, 0, 1),
      endMs: Date.UTC(2026, 0, 31, 23, 59, 59, 999),
      targetCents: 1_000_000n,
      kpiCents: 0n,
      assignee: { kind: 'owner', id: '101' },
      bothAssignees: false,
      lastModifiedMs: Date.UTC(2026, 0, 5, 10),
      createdMs: Date.UTC(2025, 11, 15, 9, 30),
      problems: [],
    });
  });

  it('accepts epoch-ms datetimes and a team assignee', () => {
    const t = parseTarget(
      withProps(base, {
        [PROP.start]: '1767225600000',
        [PROP.end]: '1769903999999',
        [PROP.ownerId]: null,
        [PROP.teamId]: '77',
        [PROP.pipelineIds]: 'default; 7781 ;',
      }),
    );
    expect(t.startMs).toBe(Date.UTC(2026, 0, 1));
    expect(t.endMs).toBe(Date.UTC(2026, 0, 31, 23, 59, 59, 999));
    expect(t.assignee).toEqual({ kind: 'team', id: '77' });
    expect(t.pipelineIds).toEqual(['default', '7781']);
    expect(t.problems).toEqual([]);
  });

  it('flags both assignees, preferring the owner', () => {
    const t = parseTarget(withProps(base, { [PROP.teamId]: '77' }));
    expect(t.bothAssignees).toBe(true);
    expect(t.assignee).toEqual({ kind: 'owner', id: '101' });
  });

  it('falls back to updatedAt for the modification time', () => {
    const t = parseTarget({
      ...withProps(base, { [PROP.lastModified]: undefined }),
      updatedAt: '2026-02-01T00:00:00Z',
    });
    expect(t.lastModifiedMs).toBe(Date.UTC(2026, 1, 1));
  });

  it.each([
    [{ [PROP.uuid]: '  ' }, PROP.uuid, 'missing'],
    [{ [PROP.groupId]: null }, PROP.groupId, 'missing'],
    [{ [PROP.name]: '' }, PROP.name, 'missing'],
    [{ [PROP.milestone]: undefined }, PROP.milestone, 'missing'],
    [{ [PROP.start]: 'soon' }, PROP.start, 'invalid'],
    [{ [PROP.end]: null }, PROP.end, 'missing'],
    [{ [PROP.end]: '2025-12-01T00:00:00.000Z' }, PROP.end, 'invalid'],
    [{ [PROP.targetAmount]: 'lots' }, PROP.targetAmount, 'invalid'],
    [{ [PROP.targetAmount]: null }, PROP.targetAmount, 'missing'],
    [{ [PROP.kpiValue]: '1,5' }, PROP.kpiValue, 'invalid'],
    [{ [PROP.lastModified]: 'x' }, PROP.lastModified, 'invalid'],
  ])('records %j as a %s problem', (props, property, code) => {
    const t = parseTarget(withProps(base, props));
    expect(t.problems).toContainEqual(expect.objectContaining({ property, code }));
  });

  it('never throws on garbage', () => {
    const t = parseTarget({ id: '1', properties: {} });
    expect(t.uuid).toBeNull();
    expect(t.assignee).toBeNull();
    expect(t.targetCents).toBeNull();
    expect(t.problems.length).toBeGreaterThan(4);
    expect(() =>
      parseTarget({ id: '2', properties: undefined as unknown as Record<string, string> }),
    ).not.toThrow();
  });

  it('labels slices for previews', () => {
    expect(sliceLabel(parseTarget(base))).toBe('Q1-Q4 New business · 2026-01-01 · #9001');
    expect(sliceLabel(parseTarget({ id: '3', properties: {} }))).toBe('unnamed · no start · #3');
  });
});
