import type { Caller, Portal } from '@goal-families/contract';
import type { BaseContext } from '@hubspot/ui-extensions';

/** What every app function call carries: who is calling and in which portal (docs/hubspot-facts.md §2). */
export interface Identity {
  caller: Caller;
  portal: Portal;
}

/**
 * The caller is the user id (and the email, for display) — never roles: the functions look up
 * whether the user is a super admin and which teams they are in themselves (docs/security.md).
 */
export function identityFromContext(context: BaseContext): Identity {
  const { user, portal } = context;
  return {
    caller: {
      userId: String(user.id),
      ...(user.email ? { email: user.email } : {}),
    },
    portal: { id: String(portal.id), timeZone: portal.timezone || 'UTC' },
  };
}
