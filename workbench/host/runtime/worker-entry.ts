/// <reference lib="webworker" />
/** Entry of the extension Web Worker: the runtime, with bundles loaded by importScripts as HubSpot does. */
import { installExtensionRuntime } from './install';

declare const self: DedicatedWorkerGlobalScope;

installExtensionRuntime(self as unknown as Record<string, unknown>, self, async (url) => {
  self.importScripts(url);
});
