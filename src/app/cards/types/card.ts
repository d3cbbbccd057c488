import type { FamilySummaryDto, GroupDto, SettingsDto } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import type { CrmContext, ExtensionPointApiActions } from '@hubspot/ui-extensions';

export type CardActions = ExtensionPointApiActions<'crm.record.sidebar'>;

export interface CardProps {
  context: CrmContext;
  actions: CardActions;
  /** Injected in tests and in the workbench; defaults to `hubspot.serverless`. */
  client?: FunctionsClient;
  /** The clock, injected so "current period" is testable. */
  now?: () => Date;
}

/** Whose goals the card shows. */
export type Scope =
  | { kind: 'recordOwner' }
  | { kind: 'me' }
  | { kind: 'team'; teamId: string; teamName: string };

/** Everything a goal tile needs besides the goal itself. */
export interface CardEnvironment {
  client: FunctionsClient;
  actions: CardActions;
  settings: SettingsDto;
  canEdit: boolean;
  timeZone: string;
  now: () => Date;
  /** The admin panel in HubSpot, where editors see every goal; null when the app id is unknown. */
  adminPanelUrl: string | null;
  /** Reload the list after a change. */
  refresh: () => void;
}

export type { FamilySummaryDto, GroupDto };
