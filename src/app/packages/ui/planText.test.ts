import type { PlanDto, PlanNoticeDto } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { createFormat } from './format';
import { createNames } from './names';
import { changeRows, noticeText, planSummary, type TextContext } from './planText';

const ctx = (locale = 'en-US'): TextContext => ({
  format: createFormat({
    locale,
    goalTypes: [{ value: 'meetings_booked', label: 'Meetings booked' }],
    pipelines: [{ value: 'default', label: 'Sales Pipeline' }],
  }),
  names: createNames({
    owners: [{ id: '81000020', userId: '91000020', name: 'Samuel Schmidt', email: null }],
    teams: [{ id: '3100004', name: 'EMEA' }],
  }),
  goal: { name: 'FY2026 EMEA revenue', goalType: 'sales_quota', milestone: 'monthly', timeZone: 'UTC' },
});
const samuel = { kind: 'owner' as const, id: '81000020', name: 'Samuel Schmidt' };
const ref = (id: string, month: string) => ({
  id,
  assignee: samuel,
  start: `2026-${month}-01T00:00:00.000Z`,
  end: `2026-${month}-28T23:59:59.999Z`,
});
const plan = (over: Partial<PlanDto>): PlanDto => ({
  operation: 'family-update',
  familyUuid: '1849be27-6dde-5446-8882-bec8d704350f',
  version: 'v',
  summary: 'Set hs_goal_name on 72 of 72 slices',
  creates: [],
  updates: [],
  archives: [],
  batches: { create: 0, update: 0, archive: 0 },
  warnings: [],
  notices: [],
  ...over,
});
const INTERNAL = /hs_[a-z_]+|\d{7,}|#\d|[0-9a-f]{8}-[0-9a-f]{4}|\bslices?\b/;

describe('planSummary', () => {
  it.each([
    [
      'a rename',
      plan({
        updates: [1, 2].map((i) => ({
          id: String(20000000314 + i),
          label: `x · #${i}`,
          target: ref(String(20000000314 + i), `0${i}`),
          changes: [{ property: 'hs_goal_name', before: 'A', after: 'B' }],
        })),
      }),
      'Renames the goal to “B” — 2 targets of 1 person.',
    ],
    [
      'a create',
      plan({
        operation: 'create',
        creates: [
          {
            assignee: samuel,
            start: '2026-01-01T00:00:00.000Z',
            end: '2026-01-31T23:59:59.999Z',
            properties: {},
          },
          {
            assignee: { kind: 'team', id: '3100004' },
            start: '2026-01-01T00:00:00.000Z',
            end: '2026-01-31T23:59:59.999Z',
            properties: {},
          },
        ],
      }),
      'Creates 2 targets for 1 person and 1 team.',
    ],
    [
      'an archive of the whole goal',
      plan({
        operation: 'archive-family',
        archives: [{ id: '20000000315', label: 'x', target: ref('20000000315', '01') }],
      }),
      'Archives the whole goal: 1 target of 1 person.',
    ],
    ['nothing', plan({}), 'Nothing would change.'],
  ])('%s', (_, p, summary) => {
    expect(planSummary(p, ctx())).toBe(summary);
    expect(planSummary(p, ctx())).not.toMatch(INTERNAL);
  });
});

describe('changeRows', () => {
  it('describes each change by assignee, period and field, with values in words', () => {
    const rows = changeRows(
      plan({
        updates: [
          {
            id: '20000000315',
            label: 'FY2026 EMEA revenue · 2026-01-01 · #20000000315',
            target: ref('20000000315', '01'),
            changes: [
              { property: 'hs_target_amount', before: '36500.00', after: '40000.00' },
              { property: 'hs_pipeline_ids', before: 'default', after: '' },
              { property: 'hubspot_owner_id', before: null, after: '81000020' },
              { property: 'hs_assignee_team_id', before: '3100004', after: '' },
              { property: 'hs_goal_target_group_id', before: '5100208', after: '5100209' },
              { property: 'hs_should_notify_on_edit_updates', before: null, after: 'true' },
              { property: 'hs_end_datetime', before: '1769903999999', after: '2026-01-31T23:59:59.999Z' },
            ],
          },
        ],
      }),
      ctx(),
    );
    expect(rows.map((r) => [r.who, r.period, r.what, r.before, r.after])).toEqual([
      ['Samuel Schmidt', 'Jan 2026', 'Target', '$36,500.00', '$40,000.00'],
      ['Samuel Schmidt', 'Jan 2026', 'Pipelines', 'Sales Pipeline', '—'],
      ['Samuel Schmidt', 'Jan 2026', 'Assigned to', '—', 'Samuel Schmidt'],
      ['Samuel Schmidt', 'Jan 2026', 'Team', 'EMEA', '—'],
      [
        'Samuel Schmidt',
        'Jan 2026',
        'Linked with',
        'the assignee’s other targets',
        'the assignee’s other targets',
      ],
      ['Samuel Schmidt', 'Jan 2026', 'End', 'Jan 31, 2026', 'Jan 31, 2026'],
    ]);
    expect(JSON.stringify(rows.map(({ key: _, ...r }) => r))).not.toMatch(INTERNAL);
  });

  it('shows amounts in the unit of the goal type the plan sets', () => {
    const rows = changeRows(
      plan({
        updates: [
          {
            id: '1',
            label: 'x',
            target: ref('1', '01'),
            changes: [
              { property: 'hs_goal_type', before: 'sales_quota', after: 'meetings_booked' },
              { property: 'hs_target_amount', before: '12.00', after: '15.00' },
            ],
          },
        ],
      }),
      ctx(),
    );
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      ['Revenue', 'Meetings booked'],
      ['$12.00', '15'],
    ]);
  });
});

describe('noticeText', () => {
  it.each<[PlanNoticeDto, string]>([
    [
      { code: 'total-changes', assignee: null, before: '2743500.00', after: '2910000.00' },
      'The goal’s total target changes from $2,743,500.00 to $2,910,000.00.',
    ],
    [
      { code: 'total-changes', assignee: samuel, before: '441500.00', after: '400000.00' },
      'Samuel Schmidt’s total target changes from $441,500.00 to $400,000.00.',
    ],
    [
      { code: 'undo-overwrites', count: 2 },
      '2 targets were changed again since; undoing overwrites those later changes.',
    ],
    [
      { code: 'clone-scaled', scale: '1.1' },
      'Every target amount is multiplied by 1.1 (rounded to the cent).',
    ],
    [{ code: 'notify', count: 72 }, 'HubSpot will notify the assignees of 72 targets about this change.'],
  ])('%j', (notice, text) => {
    expect(noticeText(notice, ctx())).toBe(text);
  });

  it('formats amounts in the viewer’s locale', () => {
    const text = noticeText(
      { code: 'total-changes', assignee: null, before: '2743500.00', after: '2910000.00' },
      ctx('de-DE'),
    );
    expect(text.replace(/\s/g, ' ')).toBe(
      'The goal’s total target changes from 2.743.500,00 $ to 2.910.000,00 $.',
    );
  });
});
