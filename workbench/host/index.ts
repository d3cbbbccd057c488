/**
 * The remote-ui DOM host: runs any HubSpot UI extension bundle (the IIFE `uie build` makes, expecting
 * the globals `React` and `RemoteUI`) in a Web Worker or on the page, gives it HubSpot's `context`,
 * `actions` and `hubspot.serverless` through `HostApi`, and draws its remote tree with HTML versions of
 * the SDK's components. Nothing in this folder knows the app it hosts; see README.md ("The host").
 *
 * Browser code: a page bundles this module, `./runtime/worker-entry.ts` (the extension worker; its
 * URL is `workerUrl`) and `./styles.css`.
 */
export { componentMap, placeholderFor, resolveComponent } from './components/registry';
export { ExtensionHost, type ExtensionHostProps } from './ExtensionHost';
export { type ExtensionSession, type RuntimeMode, startExtension } from './extension-session';
export type { HostApi, LogLevel, RuntimeApi } from './runtime/protocol';
export { createOverlayStore, type HostServices, HostServicesContext, type OverlayStore } from './services';
export { type Toast, Toasts, useToasts } from './toasts';
