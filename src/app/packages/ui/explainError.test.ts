import type { ErrorCode } from '@goal-families/contract';
import { ErrorCode as ErrorCodes } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { explainError } from './explainError';

/** Ids, property names and HubSpot's error text must never reach the user. */
const INTERNAL = /hs_[a-z_]+|\d{8,}|[0-9a-f]{8}-[0-9a-f]{4}|slice|family|uuid/i;

describe('explainError', () => {
  it.each([
    ['CONFLICT', 'Someone else changed this goal', 'Preview again'],
    ['FORBIDDEN', 'You cannot change goals here', 'Ask a super admin'],
    ['VALIDATION_ERROR', 'Some values were not accepted', 'Correct the values'],
    ['NOT_FOUND', 'This goal no longer exists', 'Refresh'],
    ['RATE_LIMITED', 'HubSpot is busy', 'Wait a minute'],
    ['PARTIAL_FAILURE_ROLLED_BACK', 'The change was undone', 'Try again in a few minutes'],
    ['NEEDS_ATTENTION', 'The goal may be half-changed', 'health check'],
    ['HUBSPOT_ERROR', 'HubSpot could not do this right now', 'Try again'],
    ['INTERNAL_ERROR', 'Something went wrong', 'Try again'],
  ] as const)('%s', (code, title, next) => {
    const e = explainError({ code, message: 'm' });
    expect(e.title).toBe(title);
    expect(e.next).toContain(next);
  });

  it('has plain words for every code in the contract, and never repeats the raw message', () => {
    for (const code of ErrorCodes.options as ErrorCode[]) {
      const e = explainError({ code, message: 'HubSpot: hs_goal_name of 20000000315 in 1849be27-6dde-5446' });
      expect(e.what.length).toBeGreaterThan(0);
      expect(e.next.length).toBeGreaterThan(0);
      expect(`${e.title} ${e.what} ${e.next}`).not.toMatch(INTERNAL);
    }
  });

  it.each([
    [
      { findingId: 'periods-missing:abc:5100' },
      'This problem is no longer there',
      'Run the health check again',
    ],
    [{ reason: 'FINDING_GONE' }, 'This problem is no longer there', 'Run the health check again'],
    [{ uuid: '1849be27-6dde-5446-8882-bec8d704350f' }, 'This goal no longer exists', 'Refresh'],
    [{ entryId: 'j-1' }, 'That change is no longer in the activity', 'Refresh'],
    [{ reason: 'NOT_FOUND' }, 'That period’s target no longer exists', 'Refresh'],
  ])('NOT_FOUND with %j says which thing is gone', (details, title, next) => {
    const e = explainError({ code: 'NOT_FOUND', message: 'x', details });
    expect(e.title).toBe(title);
    expect(e.next).toContain(next);
  });

  it.each([
    ['STALE_FINDING', 'This problem has changed since the health check', 'Run the health check again'],
    ['NO_REPAIR', 'This problem has no automatic repair', 'correct them in HubSpot'],
    ['FAMILY_TOO_LARGE', 'This goal is too large to change in one go', 'split it'],
    ['NOBODY_COULD_EDIT', 'Nobody could change goals with these settings', 'Keep super admins'],
    ['UNTRUSTED_ENTRY', 'This change cannot be undone', 'Change the goal back by hand'],
  ])('VALIDATION_ERROR with reason %s', (reason, title, next) => {
    const e = explainError({ code: 'VALIDATION_ERROR', message: 'x', details: { reason } });
    expect(e.title).toBe(title);
    expect(e.next).toContain(next);
  });

  it('tells an editor that only a super admin changes the editors', () => {
    const e = explainError({
      code: 'FORBIDDEN',
      message: 'x',
      details: { reason: 'EDITORS_SUPER_ADMIN_ONLY' },
    });
    expect(e.title).toBe('Only a super admin can change who may edit goals');
    expect(e.next).toContain('ask a super admin');
  });

  it.each([
    ['UNDONE_ALREADY', 'This change was undone already'],
    ['NOT_LAST_CHANGE', 'Only the last change of a goal can be undone'],
    ['SETTINGS_CHANGED', 'Someone else saved the settings'],
  ])('CONFLICT with reason %s', (reason, title) => {
    expect(explainError({ code: 'CONFLICT', message: 'x', details: { reason } }).title).toBe(title);
  });

  it.each([
    [
      'zod issues',
      { issues: [{ path: ['spread', 'total'], message: 'must not be negative' }] },
      ['Total: must not be negative'],
    ],
    ['an issue list', [{ path: [], message: 'nothing to change' }], ['A value: nothing to change']],
    ['an unknown path', [{ path: ['zzz', 3], message: 'bad' }], ['A value: bad']],
    ['nothing', undefined, []],
  ])('lists validation specifics from %s against field names', (_, details, lines) => {
    expect(explainError({ code: 'VALIDATION_ERROR', message: 'Invalid.', details }).specifics).toEqual(lines);
  });

  it('counts target states after a failed rollback', () => {
    const details = {
      slices: [
        { id: '1', state: 'applied' },
        { id: '2', state: 'failed' },
        { id: '3', state: 'failed' },
        { id: '4' },
      ],
    };
    expect(explainError({ code: 'NEEDS_ATTENTION', message: 'x', details }).specifics).toEqual([
      '1 target changed',
      '2 targets could not be changed',
      '1 target in an unknown state',
    ]);
  });
});
