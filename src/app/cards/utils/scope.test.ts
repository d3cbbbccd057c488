import { describe, expect, it } from 'vitest';
import { scopeAssignee, scopeFromKey, scopeKey } from './scope';

const teams = [{ id: 9, name: 'West' }];

describe('scope', () => {
  it.each([
    ['recordOwner', { kind: 'recordOwner' }],
    ['me', { kind: 'me' }],
    ['team:9', { kind: 'team', teamId: '9', teamName: 'West' }],
    ['team:404', { kind: 'recordOwner' }],
    ['garbage', { kind: 'recordOwner' }],
  ])('%s', (key, scope) => {
    expect(scopeFromKey(key, teams)).toEqual(scope);
    if (key !== 'team:404' && key !== 'garbage') expect(scopeKey(scopeFromKey(key, teams))).toBe(key);
  });
  it('maps a scope to the assignee to show', () => {
    expect(scopeAssignee({ kind: 'team', teamId: '9', teamName: 'West' }, '77')).toEqual({
      kind: 'team',
      id: '9',
    });
    expect(scopeAssignee({ kind: 'recordOwner' }, '77')).toEqual({ kind: 'owner', id: '77' });
    expect(scopeAssignee({ kind: 'me' }, null)).toBeNull();
  });
});
