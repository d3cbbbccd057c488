import type { SettingsDto, StoreProtectionDto } from '@goal-families/contract';
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
  /** May change goals. */
  canEdit: boolean;
  /** May save the settings (super admins always, editors too). */
  canEditSettings: boolean;
  /** May change who may edit goals (super admins only). */
  canChangeEditors: boolean;
  /** Whether the stored settings and journal are signed, and whether the settings passed their check. */
  protection: StoreProtectionDto;
  timeZone: string;
  currency: string;
  now: () => Date;
  newId: () => string;
  reloadSettings: () => void;
}
