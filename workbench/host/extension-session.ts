/** Starts an extension bundle in its runtime and connects it to a remote-ui receiver on the page. */
import { createRemoteReceiver, type RemoteReceiver } from '@remote-ui/core';
import { createEndpoint, type Endpoint } from '@remote-ui/rpc';
import type { HostApi, RuntimeApi } from './runtime/protocol';
import { startSameThreadRuntime } from './runtime/same-thread-entry';

export type RuntimeMode = 'worker' | 'same-thread';

export interface ExtensionSession {
  receiver: RemoteReceiver;
  settle(): Promise<void>;
  dispose(): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function startExtension(options: {
  mode: RuntimeMode;
  bundleUrl: string;
  workerUrl: string;
  host: HostApi;
}): Promise<ExtensionSession> {
  const receiver = createRemoteReceiver();
  let endpoint: Endpoint<RuntimeApi>;
  let dispose: () => void;
  if (options.mode === 'worker') {
    const worker = new Worker(options.workerUrl, { name: 'hubspot-extension' });
    worker.addEventListener('error', (e) => options.host.reportError(`Worker error: ${e.message}`));
    endpoint = createEndpoint<RuntimeApi>(worker);
    dispose = () => endpoint.terminate();
  } else {
    const port = startSameThreadRuntime();
    endpoint = createEndpoint<RuntimeApi>(port);
    dispose = () => port.close();
  }
  const absolute = new URL(options.bundleUrl, window.location.href).href;
  await endpoint.call.load(absolute);
  await endpoint.call.render(receiver.receive, options.host);
  return {
    receiver,
    async settle() {
      await endpoint.call.flush();
      // Let the host's own React apply the updates that arrived before the flush answer.
      await nextTask();
      await nextTask();
    },
    dispose,
  };
}
