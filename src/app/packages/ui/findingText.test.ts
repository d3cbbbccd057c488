import type { FindingDto, FindingFactsDto } from '@goal-families/contract';
import { RULE_CATALOG } from '@goal-families/domain';
import { describe, expect, it } from 'vitest';
import { findingText, WORDED_RULES } from './findingText';
import { createFormat } from './format';
import { createNames } from './names';

const format = createFormat({ goalTypes: [{ value: 'sales_quota', label: 'Revenue' }] });
const names = createNames();
const hannah = { kind: 'owner' as const, id: '81000008', name: 'Hannah Larsen' };
const mar = { start: '2026-03-01T00:00:00.000Z', end: '2026-03-31T23:59:59.999Z' };

const facts = (over: Partial<FindingFactsDto> = {}): FindingFactsDto => ({
  milestone: 'monthly',
  timeZone: 'UTC',
  assignee: hannah,
  targets: [{ id: '20000000315', assignee: hannah, ...mar }],
  targetCount: 1,
  goalTargetCount: 12,
  field: null,
  value: null,
  others: [],
  parts: null,
  periods: [],
  amount: null,
  expectedPerYear: '12',
  wholesale: false,
  repair: null,
  ...over,
});
const finding = (ruleId: string, f: FindingFactsDto): FindingDto => ({
  id: `${ruleId}:x`,
  ruleId,
  severity: 'error',
  familyUuid: '1849be27-6dde-5446-8882-bec8d704350f',
  familyName: 'FY2026 EMEA revenue',
  goalType: 'sales_quota',
  message: 'hs_goal_name differs on 1 slice (#20000000315) in target group 5100208',
  sliceIds: ['20000000315'],
  repair: f.repair ? 'set hs_goal_name' : null,
  facts: f,
});
const repair = (over: Partial<NonNullable<FindingFactsDto['repair']>> = {}) => ({
  kind: 'set-values' as const,
  count: 1,
  field: null,
  value: null,
  assignee: null,
  goalName: null,
  ...over,
});

/** What must never reach the user: ids, property names, internal words. */
const INTERNAL = /hs_[a-z_]+|\d{7,}|[0-9a-f]{8}-[0-9a-f]{4}-|\bslices?\b|target group|famil(y|ies)/i;

describe('findingText', () => {
  it('words every health rule the domain has', () => {
    expect(RULE_CATALOG.map((r) => r.id).sort()).toEqual([...WORDED_RULES].sort());
  });

  it.each([
    [
      'family-properties-disagree',
      facts({
        field: 'name',
        value: 'FY2026 EMEA revenue',
        repair: repair({ field: 'name', value: 'FY2026 EMEA revenue' }),
      }),
      'The name differs on 1 target of 12; most targets have “FY2026 EMEA revenue”. HubSpot may show this goal twice or not at all.',
      'Set the name to “FY2026 EMEA revenue” on 1 target.',
    ],
    [
      'family-properties-disagree',
      facts({ field: 'goalType', value: 'sales_quota', repair: repair() }),
      'The goal type differs on 1 target of 12; most targets have Revenue. HubSpot may show this goal twice or not at all.',
      'Set the goal type to Revenue on 1 target.',
    ],
    [
      'group-id-split',
      facts({ parts: 2, targetCount: 6, repair: repair({ count: 6 }) }),
      'Hannah Larsen’s targets are split into 2 separate sets; HubSpot shows each set as a separate goal.',
      'Join 6 targets to the rest of Hannah Larsen’s targets.',
    ],
    [
      'periods-missing',
      facts({ periods: [mar], repair: repair({ kind: 'create-missing' }) }),
      'Hannah Larsen has no target for 1 monthly period the rest of the goal covers (Mar 2026).',
      'Create 1 target of 0 for Hannah Larsen, one per missing period.',
    ],
    [
      'periods-overlap',
      facts({ targetCount: 24, amount: '237500.00', repair: repair({ kind: 'archive', count: 12 }) }),
      '24 targets of Hannah Larsen overlap in time; 12 targets repeat another target’s period exactly.',
      'Archive the 12 targets that repeat a period (Hannah Larsen’s total drops by $237,500.00).',
    ],
    [
      'periods-misaligned',
      facts({ repair: repair() }),
      '1 target of Hannah Larsen starts or ends between monthly periods.',
      'Move 1 target to the nearest whole periods.',
    ],
    [
      'assignee-missing',
      facts({
        assignee: null,
        targetCount: 12,
        repair: repair({ count: 12, field: 'owner', assignee: hannah }),
      }),
      '12 targets have neither a person nor a team, so nobody’s goal includes them.',
      'Assign 12 targets to Hannah Larsen, like the rest of their set.',
    ],
  ])('%s with a repair', (ruleId, f, message, repairText) => {
    const text = findingText(finding(ruleId, f), format, names);
    expect(text.message).toBe(message);
    expect(text.repair).toBe(repairText);
    expect(text.todo).toBeNull();
    expect(`${text.message} ${text.repair}`).not.toMatch(INTERNAL);
  });

  it.each([
    [
      'group-id-shared',
      facts({ targetCount: 12, others: [{ kind: 'owner', id: '81000037', name: 'Tom Kim' }] }),
      'set its owner or team in HubSpot',
    ],
    ['assignee-both', facts({ targetCount: 12 }), 'clear the other one in HubSpot'],
    ['slice-count-mismatch', facts({ targetCount: 6 }), 'Give Hannah Larsen whole years of periods'],
    ['amount-invalid', facts(), 'Enter the amount of each'],
    ['amount-negative', facts(), 'Change each to 0 or more'],
    ['periods-unreadable', facts(), 'Set the start and end of each in HubSpot'],
    ['milestone-unknown', facts({ field: 'milestone', value: 'fortnightly' }), 'period length in HubSpot'],
    ['periods-misaligned', facts({ wholesale: true }), 'Set the portal’s time zone in the Settings tab'],
    ['orphan-no-uuid', facts({ assignee: null }), 'Archive it in HubSpot'],
    [
      'family-properties-disagree',
      facts({ field: 'pipelines', value: '' }),
      'Decide which pipelines are right',
    ],
  ])('%s without a repair says what to do', (ruleId, f, todo) => {
    const text = findingText(finding(ruleId, f), format, names);
    expect(text.repair).toBeNull();
    expect(text.todo).toContain(todo);
    expect(`${text.message} ${text.todo} ${text.targets.join(' ')}`).not.toMatch(INTERNAL);
  });

  it('names the targets concerned by assignee and period', () => {
    const other = { kind: 'team' as const, id: '3100004', name: 'EMEA' };
    const mixed = facts({
      assignee: null,
      targets: [
        { id: '1', assignee: other, ...mar },
        { id: '2', assignee: hannah, ...mar },
      ],
    });
    expect(findingText(finding('amount-invalid', mixed), format, names).targets).toEqual([
      'EMEA (team) · Mar 2026',
      'Hannah Larsen · Mar 2026',
    ]);
    // One assignee's own targets: the periods say it all.
    expect(findingText(finding('amount-invalid', facts()), format, names).targets).toEqual(['Mar 2026']);
  });

  it('says little, and nothing internal, when a server sends no facts', () => {
    const text = findingText({ ...finding('x', facts()), facts: undefined }, format, names);
    expect(text.message).toBe('1 target of this goal needs attention.');
    expect(text.message).not.toMatch(INTERNAL);
  });
});
