/**
 * The contract between the page (host) and the extension runtime (in a Web Worker, or on the page in
 * same-thread mode). Functions inside these objects cross the boundary as @remote-ui/rpc proxies.
 */
import type { RemoteChannel } from '@remote-ui/core';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the page gives the extension: HubSpot's `context` and `actions`, and the backend calls. */
export interface HostApi {
  /** The `context` of `hubspot.extend`, plain data. */
  context: Record<string, unknown>;
  /** The `actions` of `hubspot.extend`: every value a function. */
  actions: Record<string, (...args: never[]) => unknown>;
  /** `hubspot.serverless(name, options)`: resolves to the app function's return value. */
  serverless(
    name: string,
    options: { parameters?: unknown; propertiesToSend?: string[] } | undefined,
  ): Promise<unknown>;
  /** The record's properties for `useCrmProperties` / `fetchCrmObjectProperties`. */
  fetchCrmProperties(properties: string[] | '*'): Promise<Record<string, string | null>>;
  log(level: LogLevel, message: string): void;
  /** The extension threw while rendering or failed to load. */
  reportError(message: string): void;
}

/** What the runtime exposes to the page. */
export interface RuntimeApi {
  /** Evaluates the extension bundle (an IIFE expecting globals `React` and `RemoteUI`). */
  load(bundleUrl: string): Promise<void>;
  /** Calls the callback the bundle gave `hubspot.extend` and renders its tree into `channel`. */
  render(channel: RemoteChannel, host: HostApi): Promise<void>;
  /** Resolves once React in the runtime has flushed the work caused by events sent before it. */
  flush(): Promise<void>;
}
