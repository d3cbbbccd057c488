/**
 * Who may do what (F11). Roles are looked up, not believed: the caller's user id comes from the
 * browser, but whether that user is a super admin and which teams they are in comes from HubSpot's
 * users API, and an id HubSpot does not know is refused. The settings decide the rest — only when
 * their record passed its signature check. Threat model: docs/security.md.
 *
 * - Goal editors: super admins (when the settings say so), the chosen users, members of the chosen teams.
 * - The settings page: super admins always (no setting can lock them out) and goal editors.
 * - Who may edit: super admins only.
 */
import type { AppSettingsView, Caller, StoreProtectionDto } from '@goal-families/contract';
import { DEFAULT_SETTINGS, type Failure, failure, SettingsDto } from '@goal-families/contract';
import type { AppStore, GoalTargetsGateway, StoredRecord } from '../ports';

/** The caller as HubSpot knows them. */
export type Actor = { userId: string; superAdmin: boolean; teamIds: readonly string[] };

export type LoadedSettings = {
  /** The settings in force: the stored ones when trusted and readable, else the defaults. */
  settings: SettingsDto;
  /** The stored record, trusted or not (its version is what a save must send back). */
  record: StoredRecord | null;
  protection: StoreProtectionDto;
};

export async function loadSettings(store: AppStore): Promise<LoadedSettings> {
  const record = await store.getSettings();
  const protection = (ignored: boolean): StoreProtectionDto => ({
    signing: store.signing,
    settingsRecord: record ? record.integrity : 'none',
    settingsIgnored: ignored,
  });
  if (!record) return { settings: DEFAULT_SETTINGS, record, protection: protection(false) };
  // A record that failed its signature check decides nothing: the defaults (super admins only) apply.
  if (!record.trusted) return { settings: DEFAULT_SETTINGS, record, protection: protection(true) };
  // A payload that no longer parses (an older app) falls back to the defaults too.
  const parsed = SettingsDto.safeParse(record.payload);
  return { settings: parsed.success ? parsed.data : DEFAULT_SETTINGS, record, protection: protection(false) };
}

const unknownUser = (userId: string) =>
  failure('FORBIDDEN', 'HubSpot does not know this user in this portal, so nothing may be changed.', {
    userId,
  });

/** The caller as HubSpot's users API describes them, or FORBIDDEN for an id HubSpot does not know. */
export async function identify(gateway: GoalTargetsGateway, caller: Caller): Promise<Actor | Failure> {
  const user = await gateway.portalUser(caller.userId);
  if (!user) return unknownUser(caller.userId);
  return { userId: caller.userId, superAdmin: user.superAdmin, teamIds: user.teamIds };
}

export const isFailure = (v: Actor | Failure): v is Failure => 'ok' in v && v.ok === false;

export function canEdit(settings: SettingsDto, actor: Actor): boolean {
  if (settings.editors.superAdmins && actor.superAdmin) return true;
  if (settings.editors.userIds.includes(actor.userId)) return true;
  return actor.teamIds.some((t) => settings.editors.teamIds.includes(t));
}

/**
 * The settings as the UI gets them, for `actor` — or for nobody HubSpot knows (`null`: read-only, as
 * the card shows goals to anyone who can see the record).
 */
export function settingsView(loaded: LoadedSettings, actor: Actor | null): AppSettingsView {
  const { settings, record, protection } = loaded;
  return {
    settings,
    canEdit: actor ? canEdit(settings, actor) : false,
    canEditSettings: actor ? canEditSettings(settings, actor) : false,
    canChangeEditors: actor ? canChangeEditors(actor) : false,
    version: record?.version ?? null,
    protection,
  };
}

/** Super admins may always open and save the settings, whatever they say; editors may too. */
export const canEditSettings = (settings: SettingsDto, actor: Actor) =>
  actor.superAdmin || canEdit(settings, actor);

/** Who may edit goals is for super admins alone to change. */
export const canChangeEditors = (actor: Actor) => actor.superAdmin;

/**
 * The settings, and the FORBIDDEN result to return unless the caller may change goals (null when
 * they may). One read serves both: a mutation plans with the settings it checked permission against.
 */
export async function editorCheck(
  gateway: GoalTargetsGateway,
  caller: Caller,
): Promise<{ settings: SettingsDto; forbidden: Failure | null }> {
  const [actor, { settings }] = await Promise.all([identify(gateway, caller), loadSettings(gateway.store)]);
  if (isFailure(actor)) return { settings: DEFAULT_SETTINGS, forbidden: actor };
  return {
    settings,
    forbidden: canEdit(settings, actor)
      ? null
      : failure(
          'FORBIDDEN',
          'You may not change goals: ask an admin to add you as an editor in the app settings.',
          { reason: 'NOT_AN_EDITOR', userId: caller.userId },
        ),
  };
}

/** null when the caller may change goals, else the FORBIDDEN result to return. */
export async function requireEditor(gateway: GoalTargetsGateway, caller: Caller): Promise<Failure | null> {
  return (await editorCheck(gateway, caller)).forbidden;
}

/**
 * The zone new families start in, and the tie-breaker when reading a family's own zone (see the
 * domain's detectConvention): the app settings' default time zone, the same for the create form, a
 * direct call of goal_family_create and the health check.
 */
export const defaultZone = (settings: SettingsDto): string => settings.defaults.timeZone;
