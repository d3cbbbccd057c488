/** The fake `context` and `actions` HubSpot would hand the extension, built from the page's choices. */

import type { HostApi, LogLevel, OverlayStore, Toast } from '../host';
import type { DemoRecord, DemoUser, WorkbenchInfo } from '../shared/page-api';
import { backend } from './backend';

export interface PageHooks {
  toast(t: Omit<Toast, 'id'>): void;
  /** `actions.refreshObjectProperties` / `reloadPage`: the page re-reads the record or remounts. */
  refreshRecord(): void;
  reload(): void;
  logCall(entry: { name: string; ms: number; ok: boolean }): void;
}

export function buildHostApi(options: {
  info: WorkbenchInfo;
  user: DemoUser;
  record?: DemoRecord | undefined;
  location: 'crm.record.sidebar' | 'settings';
  overlays: OverlayStore;
  hooks: PageHooks;
}): Omit<HostApi, 'reportError'> {
  const { info, user, record, location, overlays, hooks } = options;
  const extension = {
    appId: info.appId,
    appName: info.appName,
    cardTitle: location === 'settings' ? info.settings.title : info.card.title,
    location,
  };
  const context: Record<string, unknown> = {
    location,
    user: user.user,
    portal: info.portal,
    extension,
    variables: {},
    ...(record ? { crm: { objectId: Number(record.objectId), objectTypeId: record.objectTypeId } } : {}),
  };
  const readRecord = async (properties: string[] | '*') => {
    if (!record) throw new Error('This extension is not on a CRM record.');
    return backend.recordProperties(record.objectTypeId, record.objectId, properties);
  };
  const actions = {
    addAlert: (a: { type?: Toast['type']; message: string; title?: string }) =>
      hooks.toast({ type: a.type ?? 'info', message: a.message, title: a.title }),
    fetchCrmObjectProperties: readRecord,
    refreshObjectProperties: () => hooks.refreshRecord(),
    onCrmPropertiesUpdate: () => {
      // The workbench record never changes behind the card's back; nothing to subscribe to.
    },
    reloadPage: () => hooks.reload(),
    closeOverlay: (id: string) => overlays.close(id),
    openIframeModal: (p: { uri: string }) =>
      hooks.toast({ type: 'info', title: 'Iframe modal', message: `HubSpot would open ${p.uri} here.` }),
    copyTextToClipboard: async (text: string) => {
      await navigator.clipboard?.writeText(text).catch(() => undefined);
    },
    navigateToPage: (p: { to: string }) => hooks.toast({ type: 'info', message: `Navigate to ${p.to}` }),
  };
  return {
    context,
    actions,
    async serverless(name, opts) {
      const started = performance.now();
      try {
        const result = await backend.callFunction(name, opts?.parameters);
        hooks.logCall({ name, ms: performance.now() - started, ok: true });
        return result;
      } catch (error) {
        hooks.logCall({ name, ms: performance.now() - started, ok: false });
        throw error;
      }
    },
    fetchCrmProperties: readRecord,
    log(level: LogLevel, message: string) {
      console[level](`[extension] ${message}`);
    },
  };
}
