import type { SettingsDto } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import type { ExtensionPointApiActions, SettingsContext } from '@hubspot/ui-extensions';

export type PageActions = ExtensionPointApiActions<'settings'>;

export interface PageProps {
  context: SettingsContext;
  actions: PageActions;
  /** Injected in tests and in the workbench; defaults to `hubspot.serverless`. */
  client?: FunctionsClient;
  now?: () => Date;
  /** Client-chosen uuids for create and clone; injected in tests. */
  newId?: () => string;
}

/** What every tab gets. */
export interface PageEnvironment {
  client: FunctionsClient;
  actions: PageActions;
  settings: SettingsDto;
  settingsVersion: string | null;
  canEdit: boolean;
  timeZone: string;
  currency: string;
  now: () => Date;
  newId: () => string;
  reloadSettings: () => void;
}
