import type { Caller, Portal } from '@goal-families/contract';
import type { BaseContext } from '@hubspot/ui-extensions';

/**
 * ASSUMPTION (unverified): the extension context has no super-admin flag (`roles` is documented
 * as always empty). `permissions` containing 'integrations-management-write' (may manage apps) is the
 * closest signal it exposes; the functions re-check editing rights against the app settings anyway.
 */
export function looksLikeSuperAdmin(user: BaseContext['user']): boolean {
  return (user.permissions ?? []).includes('integrations-management-write');
}

/** What every app function call carries: who is calling and in which portal (docs/hubspot-facts.md §2). */
export interface Identity {
  caller: Caller;
  portal: Portal;
}

export function identityFromContext(context: BaseContext): Identity {
  const { user, portal } = context;
  return {
    caller: {
      userId: String(user.id),
      ...(user.email ? { email: user.email } : {}),
      teamIds: (user.teams ?? []).map((team) => String(team.id)),
      isSuperAdmin: looksLikeSuperAdmin(user),
    },
    portal: { id: String(portal.id), timeZone: portal.timezone || 'UTC' },
  };
}
