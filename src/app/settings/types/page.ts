import type { SettingsDto, StoreProtectionDto } from '@goal-families/contract';
import type { DirectoryView, FunctionsClient, PortalOptions } from '@goal-families/ui';
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

/** Where the page can send the user: a tab, or one goal's detail or health problems. */
export type Destination =
  | { tab: 'families'; goal?: string }
  | { tab: 'create' }
  | { tab: 'health'; goal?: string }
  | { tab: 'activity'; goal?: string }
  | { tab: 'settings' };

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
  /** The portal's default zone: for new goals and for times (activity); goals show their own zone. */
  timeZone: string;
  currency: string;
  /** The portal's owners and teams (pickers); names go through `useNames`. */
  directory: DirectoryView;
  /** The portal's goal types, period lengths and pipelines with their labels. */
  options: PortalOptions;
  now: () => Date;
  newId: () => string;
  reloadSettings: () => void;
  /** Opens a tab, or a goal in one ("see its problems", "open the goal"). */
  navigate: (to: Destination) => void;
}
