/**
 * The extension runtime: installs on a global scope the globals a `uie build` bundle and the
 * @hubspot/ui-extensions SDK expect (docs/hubspot-facts.md §3–4) — `React`, `RemoteUI`,
 * `__HUBSPOT_EXTENSION_WORKER__`, `extend_V2`, `serverless`, `hsFetch`, `hsWorkerAPI`, `logger` — and
 * exposes a RuntimeApi over a message channel. Runs in a Web Worker (as HubSpot runs extensions)
 * or on the page itself (same-thread dev mode).
 */
import * as RemoteUI from '@remote-ui/react';
import { createEndpoint, type MessageEndpoint, retain } from '@remote-ui/rpc';
import * as React from 'react';
import type { HostApi, LogLevel, RuntimeApi } from './protocol';

type RenderCallback = (api: {
  context: unknown;
  actions: unknown;
  runServerlessFunction: unknown;
}) => React.ReactElement;

const stringify = (data: unknown[]) =>
  data.map((d) => (typeof d === 'string' ? d : d instanceof Error ? d.message : safeJson(d))).join(' ');
function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export function installExtensionRuntime(
  scope: Record<string, unknown>,
  messenger: MessageEndpoint,
  loadScript: (url: string) => Promise<void>,
): void {
  let renderCallback: RenderCallback | undefined;
  let host: HostApi | undefined;
  const needHost = (): HostApi => {
    if (!host) throw new Error('The extension called a HubSpot API before it was rendered.');
    return host;
  };
  const log =
    (level: LogLevel) =>
    (...data: unknown[]) => {
      host?.log(level, stringify(data));
    };

  Object.assign(scope, {
    React,
    RemoteUI,
    __HUBSPOT_EXTENSION_WORKER__: true,
    extend_V2: (callback: RenderCallback) => {
      renderCallback = callback;
    },
    serverless: (name: string, options?: { parameters?: unknown; propertiesToSend?: string[] }) =>
      needHost().serverless(
        name,
        options ? { parameters: options.parameters, propertiesToSend: options.propertiesToSend } : undefined,
      ),
    hsFetch: (url: string, options?: RequestInit) => fetch(url, options),
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    hsWorkerAPI: {
      useExtensionContext: () => needHost().context,
      useExtensionActions: () => needHost().actions,
      useExtensionApi: () => ({
        context: needHost().context,
        actions: needHost().actions,
        runServerlessFunction,
      }),
      useAppPageLocation: () => ({ path: '/', params: {} }),
      fetchCrmProperties: async (properties: string[]) => {
        const data = await needHost().fetchCrmProperties(properties);
        return new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
      },
      fetchCrmSearch: async () => jsonError('CRM search is not available in the workbench'),
      fetchAssociations: async () => jsonError('Associations are not available in the workbench'),
      fetchHubSpotApi: async () => {
        throw new Error('The experimental HubSpot API client is not available in the workbench');
      },
      formatCrmProperties: async () => jsonError('formatCrmProperties is not available in the workbench'),
    },
  });

  /** The deprecated `runServerlessFunction` of the extend API, in its documented result shape. */
  async function runServerlessFunction(params: {
    name: string;
    parameters?: unknown;
    propertiesToSend?: string[];
  }) {
    try {
      const response = await needHost().serverless(params.name, { parameters: params.parameters });
      return { status: 'SUCCESS', response };
    } catch (error) {
      return { status: 'ERROR', message: error instanceof Error ? error.message : String(error) };
    }
  }

  const api: RuntimeApi = {
    async load(bundleUrl) {
      await loadScript(bundleUrl);
      if (!renderCallback) throw new Error(`${bundleUrl} did not call hubspot.extend()`);
    },
    async render(channel, hostApi) {
      // Proxied functions die when the call returns unless retained; these live as long as the card.
      retain(channel);
      retain(hostApi);
      host = hostApi;
      if (!renderCallback) throw new Error('No extension loaded');
      const root = RemoteUI.createRemoteRoot(channel);
      let element: React.ReactElement;
      try {
        element = renderCallback({
          context: hostApi.context,
          actions: hostApi.actions,
          runServerlessFunction,
        });
      } catch (error) {
        hostApi.reportError(error instanceof Error ? error.message : String(error));
        return;
      }
      RemoteUI.render(
        React.createElement(ErrorBoundary, { report: (m: string) => host?.reportError(m) }, element),
        root,
        () => {
          void root.mount();
        },
      );
    },
    flush: () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0)),
  };

  const endpoint = createEndpoint<unknown>(messenger);
  endpoint.expose(api as unknown as Record<string, (...args: never[]) => unknown>);
}

/** Stops a render error at the card's root and tells the page, as HubSpot shows a failed card. */
class ErrorBoundary extends React.Component<
  { children?: React.ReactNode; report: (message: string) => void },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.report(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function jsonError(message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    headers: { 'content-type': 'application/json' },
  });
}
