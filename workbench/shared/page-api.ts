/** What the workbench server tells the page (GET /__workbench/api/info), shared by both sides. */

export type RuntimeMode = 'worker' | 'same-thread';
export type ViewingRole = 'admin' | 'manager' | 'rep';

export interface DemoRecord {
  /** e.g. `0-3` for deals. */
  objectTypeId: string;
  objectId: string;
  kind: 'deal' | 'company' | 'contact';
  name: string;
  ownerId: string;
  ownerName: string;
  /** A few properties shown beside the card, as strings like HubSpot returns them. */
  properties: Record<string, string>;
}

/** The `context.user` HubSpot gives an extension (docs/hubspot-facts.md §3). */
export interface ContextUser {
  id: number;
  email: string;
  emails: string[];
  firstName: string;
  lastName: string;
  roles: string[];
  teams: { id: number; name: string; teammates: number[] }[];
  permissions: string[];
  locale: string;
  language: string;
}

export interface DemoUser {
  role: ViewingRole;
  label: string;
  description: string;
  user: ContextUser;
}

export interface ExtensionInfo {
  location: 'crm.record.sidebar' | 'settings';
  title: string;
  /** Where the page loads the bundle from; absent when it is not built. */
  bundleUrl?: string;
  /** True when the workbench shows its own sample extension because the app's is not built yet. */
  fixture: boolean;
  buildError?: string;
}

export interface WorkbenchInfo {
  appName: string;
  appId: string;
  portal: { id: number; timezone: string };
  records: DemoRecord[];
  users: DemoUser[];
  card: ExtensionInfo;
  settings: ExtensionInfo;
  mode: RuntimeMode;
  /** Same-thread mode rebuilds on change and tells the page over /__workbench/events. */
  liveReload: boolean;
}

/** POST /__workbench/api/functions/<uid> answers `{ response }` (HubSpot's dev server shape) or `{ message }` with a 5xx. */
export interface FunctionCallAnswer {
  response?: unknown;
  message?: string;
}
