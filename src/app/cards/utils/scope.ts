import type { Assignee } from '@goal-families/contract';
import type { Scope } from '../types/card';

/** The Select value of a scope, and back (Select options carry plain strings). */
export function scopeKey(scope: Scope): string {
  return scope.kind === 'team' ? `team:${scope.teamId}` : scope.kind;
}

export function scopeOptions(
  teams: readonly { id: number | string; name: string }[],
): { label: string; value: string }[] {
  return [
    { label: "Record owner's goals", value: 'recordOwner' },
    { label: 'My goals', value: 'me' },
    ...teams.map((team) => ({ label: `Team: ${team.name}`, value: `team:${team.id}` })),
  ];
}

export function scopeFromKey(key: string, teams: readonly { id: number | string; name: string }[]): Scope {
  if (key === 'me') return { kind: 'me' };
  if (key.startsWith('team:')) {
    const teamId = key.slice('team:'.length);
    const team = teams.find((t) => String(t.id) === teamId);
    if (team) return { kind: 'team', teamId, teamName: team.name };
  }
  return { kind: 'recordOwner' };
}

/** Which assignee's schedule the card shows in each family for this scope. */
export function scopeAssignee(scope: Scope, ownerId: string | null): Assignee | null {
  if (scope.kind === 'team') return { kind: 'team', id: scope.teamId };
  return ownerId ? { kind: 'owner', id: ownerId } : null;
}
