import type { ErrorCode } from '@goal-families/contract';
import { ErrorCode as ErrorCodes } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { explainError } from './explainError';

describe('explainError', () => {
  it.each([
    ['CONFLICT', 'The goal changed since your preview', 'Refresh'],
    ['FORBIDDEN', 'You are not allowed to change goals here', 'Ask a super admin'],
    ['VALIDATION_ERROR', 'Some values were not accepted', 'Correct the values'],
    ['NOT_FOUND', 'This goal no longer exists', 'Refresh'],
    ['RATE_LIMITED', 'HubSpot is busy', 'Wait a minute'],
    ['PARTIAL_FAILURE_ROLLED_BACK', 'The change was undone', 'Try again in a few minutes'],
    ['NEEDS_ATTENTION', 'The goal is half-changed', 'Roll it back'],
    ['HUBSPOT_ERROR', 'HubSpot returned an error', 'Try again'],
    ['INTERNAL_ERROR', 'Something went wrong', 'Try again'],
  ] as const)('%s', (code, title, next) => {
    const e = explainError({ code, message: 'm' });
    expect(e.title).toBe(title);
    expect(e.next).toContain(next);
  });

  it.each([
    ['NOT_NEWEST', 'Only the newest change of a goal can be undone'],
    ['CHANGED_SINCE', 'The goal changed since'],
    ['ALREADY_UNDONE', 'Already undone'],
    ['UNFINISHED_CHANGE', 'An earlier change did not finish'],
    ['CHANGE_IN_PROGRESS', 'Another change is being saved'],
    ['CHANGED_MEANWHILE', 'Another change was saved first'],
    ['SEARCH_BEHIND', 'HubSpot is still catching up'],
    ['NOT_UNFINISHED', 'Nothing left to finish'],
    ['NOT_UNDOABLE', 'This change cannot be undone'],
    ['NOT_RESOLVABLE', 'This change cannot be finished or rolled back here'],
    ['VERSION', 'The goal changed since your preview'],
  ])('a CONFLICT because of %s says what really happened: %s', (reason, title) => {
    const e = explainError({ code: 'CONFLICT', message: 'm', details: { reason } });
    expect(e.title).toBe(title);
    // Never blames "someone else" for what may be the caller's own newer change.
    expect(`${e.title} ${e.what}`).not.toMatch(/someone else/i);
  });

  it('tells a finding that is gone from a goal that is gone, and a deadline stop from a refusal', () => {
    expect(explainError({ code: 'NOT_FOUND', message: 'm', details: { reason: 'FINDING_GONE' } }).title).toBe(
      'This problem is no longer there',
    );
    expect(
      explainError({ code: 'PARTIAL_FAILURE_ROLLED_BACK', message: 'm', details: { reason: 'DEADLINE' } })
        .title,
    ).toBe('HubSpot was too slow');
  });

  it('has a plain-words explanation for every code in the contract', () => {
    for (const code of ErrorCodes.options as ErrorCode[]) {
      const e = explainError({ code, message: 'm' });
      expect(e.what.length).toBeGreaterThan(0);
      expect(e.next.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      'zod issues',
      { issues: [{ path: ['spread', 'total'], message: 'must not be negative' }] },
      ['spread.total: must not be negative'],
    ],
    ['an issue list', [{ path: [], message: 'nothing to change' }], ['nothing to change']],
    ['a field map', { name: 'must not be blank', count: 3 }, ['name: must not be blank']],
    ['nothing', undefined, []],
  ])('lists validation specifics from %s', (_, details, lines) => {
    expect(explainError({ code: 'VALIDATION_ERROR', message: 'Invalid.', details }).specifics).toEqual(lines);
  });

  it('counts slice states after a failed rollback', () => {
    const details = {
      slices: [
        { id: '1', state: 'applied' },
        { id: '2', state: 'failed' },
        { id: '3', state: 'failed' },
        { id: '4' },
      ],
    };
    expect(explainError({ code: 'NEEDS_ATTENTION', message: 'x', details }).specifics).toEqual([
      '1 slice changed',
      '2 slices failed to change',
      '1 slice in an unknown state',
    ]);
  });
});
