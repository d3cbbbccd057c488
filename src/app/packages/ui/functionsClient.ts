/**
 * The one place in this feature folder that calls `hubspot.serverless`. Typed by the function
 * contract (type-only imports: HubSpot builds this folder on its own, so nothing from outside it may
 * be imported at runtime).
 */

import type { AppError, FunctionResult, FunctionUid, ParamsInput } from '@goal-families/contract';
import { hubspot, type JsonValue } from '@hubspot/ui-extensions';
import type { Identity } from './identity';

/** A function's parameters without the `caller` and `portal` the client adds itself. */
export type CallParams<U extends FunctionUid> = Omit<ParamsInput<U>, 'caller' | 'portal'>;

export interface FunctionsClient {
  call<U extends FunctionUid>(uid: U, params: CallParams<U>): Promise<FunctionResult<U>>;
}

export type Invoke = (uid: string, options: { parameters: JsonValue }) => Promise<unknown>;

const invokeServerless: Invoke = (uid, options) => hubspot.serverless(uid, options);

const clientError = (message: string): { ok: false; error: AppError } => ({
  ok: false,
  error: { code: 'INTERNAL_ERROR', message },
});

/**
 * How a failed invocation rejects is [unverified] (docs/hubspot-facts.md §2), so a rejection and an answer
 * that is not the `{ ok, ... }` envelope both become an INTERNAL_ERROR result instead of a throw.
 */
export function createFunctionsClient(
  identity: Identity,
  invoke: Invoke = invokeServerless,
): FunctionsClient {
  return {
    async call(uid, params) {
      let response: unknown;
      try {
        // Parameters are plain JSON by construction (the contract's input types hold no functions or dates).
        const parameters = { ...params, ...identity } as unknown as JsonValue;
        response = await invoke(uid, { parameters });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return clientError(`The app function ${uid} could not be reached: ${reason}`);
      }
      if (
        typeof response !== 'object' ||
        response === null ||
        typeof (response as { ok?: unknown }).ok !== 'boolean'
      ) {
        return clientError(`The app function ${uid} answered in an unexpected shape.`);
      }
      return response as FunctionResult<typeof uid>;
    },
  };
}

/** What `withJournalWarnings` shows: the page's or card's `actions.addAlert`. */
export type AddWarning = (alert: { type: 'warning'; title: string; message: string }) => void;

/**
 * A change saved in HubSpot but not recorded in the activity log is reported in its result
 * (`journal.problem`); this shows it, whichever screen made the change.
 */
export function withJournalWarnings(client: FunctionsClient, addAlert: AddWarning): FunctionsClient {
  return {
    async call(uid, params) {
      const result = await client.call(uid, params);
      const journal = result.ok ? (result as { journal?: { problem?: string | null } }).journal : undefined;
      if (journal?.problem) {
        addAlert({
          type: 'warning',
          title: 'Saved, but not recorded in the activity log',
          message: journal.problem,
        });
      }
      return result;
    },
  };
}
