import type { AppError, Assignee } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useEffect, useState } from 'react';
import type { CardActions, Scope } from '../types/card';

export type ScopeAssigneeState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  /** `assignee` null: the record has no owner, or the viewer is not an owner. */
  | { status: 'ready'; assignee: Assignee | null };

const OWNER_PROPERTY = 'hubspot_owner_id';

async function recordOwner(actions: CardActions): Promise<ScopeAssigneeState> {
  try {
    const properties = await actions.fetchCrmObjectProperties([OWNER_PROPERTY]);
    const ownerId = properties[OWNER_PROPERTY]?.trim();
    return {
      status: 'ready',
      assignee: ownerId && /^\d+$/.test(ownerId) ? { kind: 'owner', id: ownerId } : null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'error',
      error: {
        code: 'HUBSPOT_ERROR',
        message: `Could not read the record's owner: ${message}`,
        details: { reason: 'OWNER_UNREADABLE' },
      },
    };
  }
}

/** The viewer is a user; goals belong to owners. The owners list maps one to the other. */
async function viewerOwner(
  client: FunctionsClient,
  userId: string,
  email: string,
): Promise<ScopeAssigneeState> {
  const result = await client.call('owners_and_teams_list', {});
  if (!result.ok) return { status: 'error', error: result.error };
  const owner =
    result.owners.find((o) => o.userId === userId) ??
    result.owners.find((o) => email !== '' && o.email?.toLowerCase() === email.toLowerCase());
  return { status: 'ready', assignee: owner ? { kind: 'owner', id: owner.id } : null };
}

/** Resolves the scope to the assignee whose goals to list. */
export function useScopeAssignee(
  scope: Scope,
  actions: CardActions,
  client: FunctionsClient,
  viewer: { userId: string; email: string },
): ScopeAssigneeState {
  const [state, setState] = useState<ScopeAssigneeState>({ status: 'loading' });
  const key = scope.kind === 'team' ? `team:${scope.teamId}` : scope.kind;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope key is the trigger; actions and client are stable per render tree.
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    const resolve =
      scope.kind === 'team'
        ? Promise.resolve<ScopeAssigneeState>({
            status: 'ready',
            assignee: { kind: 'team', id: scope.teamId },
          })
        : scope.kind === 'me'
          ? viewerOwner(client, viewer.userId, viewer.email)
          : recordOwner(actions);
    resolve.then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [key]);

  return state;
}
