import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo.js';
import { generatePortal } from './seed/generate.js';
import type { SeedData } from './seed/types.js';
import { type Json, manualClock, startEmulator } from './test-support.js';

const clock = manualClock();
let env: Awaited<ReturnType<typeof startEmulator>>;
const SEARCH = '/crm/v3/objects/goal_targets/search';

/** A tiny portal whose records make each operator's answer easy to state. */
const small: SeedData = {
  owners: [],
  teams: [],
  pipelines: {},
  objects: {
    goal_targets: [
      {
        id: '1',
        properties: {
          hs_goal_name: 'Q1 Revenue',
          hs_target_amount: '100.00',
          hs_start_datetime: '2026-01-01T00:00:00.000Z',
          hs_milestone: 'monthly',
        },
      },
      {
        id: '2',
        properties: {
          hs_goal_name: 'q2 revenue',
          hs_target_amount: '99.99',
          hs_start_datetime: '2026-04-01T00:00:00.000Z',
          hs_milestone: 'quarterly',
        },
      },
      {
        id: '3',
        properties: {
          hs_goal_name: 'Meetings',
          hs_target_amount: '1000',
          hs_start_datetime: '2026-07-01T00:00:00.000Z',
          hs_milestone: 'monthly',
        },
      },
      { id: '4', properties: { hs_goal_name: 'No amount', hs_milestone: 'annual' } },
      {
        id: '5',
        properties: { hs_goal_name: 'Archived revenue', hs_target_amount: '100.00', hs_milestone: 'monthly' },
        archived: true,
      },
    ],
  },
};

beforeAll(async () => {
  env = await startEmulator({ clock: clock.now, seed: small });
});
beforeEach(() => {
  env.emulator.reset();
  env.emulator.configure({ searchLagMs: 0 });
});
afterAll(() => env.emulator.close());

async function searchIds(filters: object[], extra: object = {}): Promise<string[]> {
  const response = await env.call('POST', SEARCH, { filterGroups: [{ filters }], limit: 200, ...extra });
  expect(response.status).toBe(200);
  return (response.body as Json).results.map((object: Json) => object.id);
}

const ms = (iso: string) => String(Date.parse(iso));

describe('operators', () => {
  it.each([
    [
      'EQ string (case-insensitive)',
      { propertyName: 'hs_goal_name', operator: 'EQ', value: 'q1 revenue' },
      ['1'],
    ],
    ['EQ number, exact decimals', { propertyName: 'hs_target_amount', operator: 'EQ', value: '100' }, ['1']],
    [
      'NEQ (records without the property match)',
      { propertyName: 'hs_milestone', operator: 'NEQ', value: 'monthly' },
      ['2', '4'],
    ],
    ['LT number', { propertyName: 'hs_target_amount', operator: 'LT', value: '100' }, ['2']],
    ['LTE number', { propertyName: 'hs_target_amount', operator: 'LTE', value: '100.00' }, ['1', '2']],
    ['GT number', { propertyName: 'hs_target_amount', operator: 'GT', value: '100' }, ['3']],
    ['GTE number', { propertyName: 'hs_target_amount', operator: 'GTE', value: '99.99' }, ['1', '2', '3']],
    [
      'GTE datetime as epoch ms',
      { propertyName: 'hs_start_datetime', operator: 'GTE', value: ms('2026-04-01T00:00:00Z') },
      ['2', '3'],
    ],
    [
      'LT datetime as epoch ms',
      { propertyName: 'hs_start_datetime', operator: 'LT', value: ms('2026-04-01T00:00:00Z') },
      ['1'],
    ],
    [
      'BETWEEN datetime (inclusive)',
      {
        propertyName: 'hs_start_datetime',
        operator: 'BETWEEN',
        value: ms('2026-01-01T00:00:00Z'),
        highValue: ms('2026-04-01T00:00:00Z'),
      },
      ['1', '2'],
    ],
    ['IN', { propertyName: 'hs_milestone', operator: 'IN', values: ['quarterly', 'annual'] }, ['2', '4']],
    ['NOT_IN', { propertyName: 'hs_milestone', operator: 'NOT_IN', values: ['monthly'] }, ['2', '4']],
    ['HAS_PROPERTY', { propertyName: 'hs_target_amount', operator: 'HAS_PROPERTY' }, ['1', '2', '3']],
    ['NOT_HAS_PROPERTY', { propertyName: 'hs_target_amount', operator: 'NOT_HAS_PROPERTY' }, ['4']],
    [
      'CONTAINS_TOKEN',
      { propertyName: 'hs_goal_name', operator: 'CONTAINS_TOKEN', value: 'revenue' },
      ['1', '2'],
    ],
    [
      'CONTAINS_TOKEN with a wildcard',
      { propertyName: 'hs_goal_name', operator: 'CONTAINS_TOKEN', value: 'meet*' },
      ['3'],
    ],
    [
      'NOT_CONTAINS_TOKEN',
      { propertyName: 'hs_goal_name', operator: 'NOT_CONTAINS_TOKEN', value: 'revenue' },
      ['3', '4'],
    ],
  ])('%s', async (_label, filter, expected) => {
    expect(await searchIds([filter])).toEqual(expected);
  });

  it('ANDs filters in a group and ORs groups', async () => {
    const response = await env.call('POST', SEARCH, {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_milestone', operator: 'EQ', value: 'monthly' },
            { propertyName: 'hs_target_amount', operator: 'GT', value: '500' },
          ],
        },
        { filters: [{ propertyName: 'hs_milestone', operator: 'EQ', value: 'annual' }] },
      ],
    });
    expect((response.body as Json).results.map((object: Json) => object.id)).toEqual(['3', '4']);
  });

  it('never returns archived records', async () => {
    expect(
      await searchIds([{ propertyName: 'hs_goal_name', operator: 'CONTAINS_TOKEN', value: 'archived' }]),
    ).toEqual([]);
    expect(await searchIds([])).not.toContain('5');
  });

  it('sorts by one property, either direction, records without it last', async () => {
    const ascending = await searchIds([], {
      sorts: [{ propertyName: 'hs_target_amount', direction: 'ASCENDING' }],
    });
    expect(ascending).toEqual(['2', '1', '3', '4']);
    const descending = await searchIds([], { sorts: ['-hs_target_amount'] });
    expect(descending).toEqual(['3', '1', '2', '4']);
  });
});

describe('limits', () => {
  const filter = { propertyName: 'hs_milestone', operator: 'HAS_PROPERTY' };
  it.each([
    ['6 filter groups', { filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) }],
    ['7 filters in a group', { filterGroups: [{ filters: Array.from({ length: 7 }, () => filter) }] }],
    [
      '19 filters in all',
      {
        filterGroups: Array.from({ length: 4 }, (_, i) => ({
          filters: Array.from({ length: i === 0 ? 1 : 6 }, () => filter),
        })),
      },
    ],
    ['limit 201', { limit: 201 }],
    ['two sorts', { sorts: ['hs_goal_name', 'hs_milestone'] }],
    [
      'an unknown operator',
      { filterGroups: [{ filters: [{ propertyName: 'hs_goal_name', operator: 'LIKE', value: 'x' }] }] },
    ],
    [
      'a filter on an unknown property',
      { filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: 'x' }] }] },
    ],
    [
      'a non-numeric datetime value',
      { filterGroups: [{ filters: [{ propertyName: 'hs_start_datetime', operator: 'GT', value: 'soon' }] }] },
    ],
  ])('refuses %s with 400', async (_label, body) => {
    const response = await env.call('POST', SEARCH, body);
    expect(response.status).toBe(400);
    expect((response.body as Json).category).toBe('VALIDATION_ERROR');
  });

  it('accepts 5 groups × 6 filters when there are 18 filters or fewer in all', async () => {
    const filterGroups = [6, 6, 4, 1, 1].map((n) => ({ filters: Array.from({ length: n }, () => filter) }));
    expect((await env.call('POST', SEARCH, { filterGroups })).status).toBe(200);
  });
});

describe('the 10,000-result cap', () => {
  it('reports the full total but pages only up to 10,000 results', async () => {
    env.emulator.reset(generatePortal({ targets: 10_050 }));
    const first: Json = (await env.call('POST', SEARCH, { limit: 200 })).body;
    expect(first.total).toBe(10_050);
    expect(first.paging.next.after).toBe('200');
    const last: Json = (await env.call('POST', SEARCH, { limit: 200, after: '9800' })).body;
    expect(last.results).toHaveLength(200);
    expect(last.paging).toBeUndefined();
    expect((await env.call('POST', SEARCH, { limit: 200, after: '10000' })).status).toBe(400);
  });
});

describe('search lag', () => {
  it('hides new records and shows old values of changed ones until the lag has passed; reads see them at once', async () => {
    env.emulator.configure({ searchLagMs: 2_000 });
    const created: Json = (
      await env.call('POST', '/crm/v3/objects/goal_targets', { properties: { hs_goal_name: 'Fresh' } })
    ).body;
    await env.call('PATCH', '/crm/v3/objects/goal_targets/1', { properties: { hs_goal_name: 'Renamed' } });
    const byName = (value: string) => searchIds([{ propertyName: 'hs_goal_name', operator: 'EQ', value }]);
    expect(await byName('Fresh')).toEqual([]);
    expect(await byName('Q1 Revenue')).toEqual(['1']);
    expect(await byName('Renamed')).toEqual([]);
    expect((await env.call('GET', `/crm/v3/objects/goal_targets/${created.id}`)).status).toBe(200);
    clock.advance(1_999);
    expect(await byName('Fresh')).toEqual([]);
    clock.advance(1);
    expect(await byName('Fresh')).toEqual([created.id]);
    expect(await byName('Renamed')).toEqual(['1']);
    expect(await byName('Q1 Revenue')).toEqual([]);
  });
});

describe('search lag, with nobody searching in between', () => {
  it('keeps a record whose creation has caught up visible, with its old values, while a later change lags', async () => {
    env.emulator.configure({ searchLagMs: 1_000 });
    const created: Json = (
      await env.call('POST', '/crm/v3/objects/goal_targets', { properties: { hs_goal_name: 'Settled' } })
    ).body;
    clock.advance(1_500); // the creation is due in search; no search has run since
    await env.call('PATCH', `/crm/v3/objects/goal_targets/${created.id}`, {
      properties: { hs_target_amount: '2' },
    });
    const byName = (value: string) => searchIds([{ propertyName: 'hs_goal_name', operator: 'EQ', value }]);
    expect(await byName('Settled')).toEqual([created.id]);
  });
});

describe('on the demo portal', () => {
  it('finds a family by uuid with the datetime range of a fiscal year', async () => {
    env.emulator.reset('demo');
    const response = await env.call('POST', SEARCH, {
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'hs_group_correlation_uuid',
              operator: 'EQ',
              value: DEMO.families.teamRevenue2026,
            },
            { propertyName: 'hs_start_datetime', operator: 'GTE', value: ms('2026-01-01T00:00:00Z') },
            { propertyName: 'hs_end_datetime', operator: 'LTE', value: ms('2026-12-31T23:59:59.999Z') },
          ],
        },
      ],
      limit: 100,
    });
    expect((response.body as Json).total).toBe(72);
  });
});
