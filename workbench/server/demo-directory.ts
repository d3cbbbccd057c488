/**
 * Who and what the page lets you choose: a few seeded deals, companies and contacts (with different
 * owners) and three viewing users — the portal's super admin, a team manager and a rep — as HubSpot
 * would describe them in `context.user`.
 */
import { DEMO, type Emulator, type Owner } from '@goal-families/emulator';
import type { ContextUser, DemoRecord, DemoUser, ViewingRole } from '../shared/page-api.js';

/** How many records of each kind the chooser offers. */
const RECORDS_PER_KIND = 4;

const kinds = [
  {
    kind: 'deal',
    typeName: 'deals',
    objectTypeId: '0-3',
    name: (p: Record<string, string>) => p.dealname,
    show: ['amount', 'dealstage', 'pipeline', 'closedate'],
  },
  {
    kind: 'company',
    typeName: 'companies',
    objectTypeId: '0-2',
    name: (p: Record<string, string>) => p.name,
    show: ['domain', 'industry', 'city'],
  },
  {
    kind: 'contact',
    typeName: 'contacts',
    objectTypeId: '0-1',
    name: (p: Record<string, string>) => [p.firstname, p.lastname].filter(Boolean).join(' '),
    show: ['email', 'jobtitle', 'lifecyclestage'],
  },
] as const;

const ownerName = (o: Owner | undefined) => (o ? `${o.firstName} ${o.lastName}` : 'no owner');

export function demoRecords(emulator: Emulator): DemoRecord[] {
  const owners = new Map(emulator.store.owners.map((o) => [o.id, o]));
  const out: DemoRecord[] = [];
  for (const k of kinds) {
    const seen = new Set<string>();
    for (const r of emulator.store.listObjects(k.typeName)) {
      const ownerId = r.properties.hubspot_owner_id ?? '';
      // Prefer records with different owners, so switching records shows different goals.
      if (seen.has(ownerId)) continue;
      seen.add(ownerId);
      const properties: Record<string, string> = {};
      for (const p of k.show) if (r.properties[p]) properties[p] = r.properties[p];
      out.push({
        kind: k.kind,
        objectTypeId: k.objectTypeId,
        objectId: r.id,
        name: k.name(r.properties) || `${k.kind} ${r.id}`,
        ownerId,
        ownerName: ownerName(owners.get(ownerId)),
        properties,
      });
      if (seen.size >= RECORDS_PER_KIND) break;
    }
  }
  // The page opens on the first record: make it one whose owner has goals (a rep), so that the first
  // thing a newcomer sees is the card at work rather than its empty state. The sort is stable.
  const kindOrder = (r: DemoRecord) => kinds.findIndex((k) => k.kind === r.kind);
  return out.sort(
    (a, b) =>
      kindOrder(a) - kindOrder(b) ||
      Number(b.ownerId === DEMO.owners.rep) - Number(a.ownerId === DEMO.owners.rep),
  );
}

/** The demo portal's user behind each viewing role (emulator/seed/demo.ts). */
export const ROLE_USER_ID: Record<ViewingRole, string> = {
  admin: DEMO.users.admin,
  manager: DEMO.users.manager,
  rep: DEMO.users.repWithoutEditRights,
};

/** How each viewing role is described; whether a user is a super admin comes from the emulator's users API. */
const roleText: Record<ViewingRole, { label: string; description: string }> = {
  admin: {
    label: 'Super admin',
    description: 'A super admin of the portal: may always change the app settings and who may edit.',
  },
  manager: {
    label: 'Sales manager',
    description: 'Manages a team; edit rights come from the app settings.',
  },
  rep: {
    label: 'Sales rep (no edit rights)',
    description: 'Sees goals, cannot change them.',
  },
};

export function demoUsers(emulator: Emulator): DemoUser[] {
  const byUserId = new Map(emulator.store.owners.map((o) => [o.userId, o]));
  const teams = new Map(emulator.store.teams.map((t) => [t.id, t]));
  const portalUsers = new Map(emulator.store.users.map((u) => [u.id, u]));
  return (Object.keys(ROLE_USER_ID) as ViewingRole[]).flatMap((role) => {
    const owner = byUserId.get(Number(ROLE_USER_ID[role]));
    const portalUser = portalUsers.get(ROLE_USER_ID[role]);
    if (!owner || !portalUser) return [];
    // The emulator's users API decides: a role the portal does not give is not claimed here.
    const superAdmin = portalUser.superAdmin;
    const text = superAdmin
      ? roleText.admin
      : role === 'admin'
        ? { label: 'User', description: 'Not a super admin in this portal.' }
        : roleText[role];
    const teamIds = [portalUser.primaryTeamId, ...portalUser.secondaryTeamIds].filter(
      (id): id is string => id !== undefined,
    );
    const user: ContextUser = {
      id: owner.userId,
      email: owner.email,
      emails: [owner.email],
      firstName: owner.firstName,
      lastName: owner.lastName,
      // HubSpot documents `roles` as empty for extensions; the app looks roles up server-side anyway.
      roles: [],
      teams: teamIds.map((id) => ({
        id: Number(id),
        name: teams.get(id)?.name ?? `Team ${id}`,
        teammates: (teams.get(id)?.userIds ?? []).map(Number).filter((u) => u !== owner.userId),
      })),
      permissions: superAdmin ? ['integrations-management-write'] : [],
      locale: 'en-US',
      language: 'en',
    };
    return [
      {
        role,
        label: `${text.label} — ${owner.firstName} ${owner.lastName}`,
        description: text.description,
        user,
      },
    ];
  });
}
