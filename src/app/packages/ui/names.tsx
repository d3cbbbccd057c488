/**
 * People and teams by name (docs/ui-words.md). A surface that knows the portal's owners and teams
 * provides them; names the server sent along (`NamedAssignee.name`) win. An id is never shown: someone
 * HubSpot no longer knows is "a former user", a team "a deleted team".
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';

export interface AssigneeLike {
  kind: 'owner' | 'team';
  id: string;
  name?: string | undefined;
}

export interface DirectoryEntries {
  owners: readonly { id: string; userId: string | null; name: string; email: string | null }[];
  teams: readonly { id: string; name: string }[];
}

export interface Names {
  owner(id: string): string;
  team(id: string): string;
  /** A HubSpot user (editors, who made a change), by user id; the email when that is all there is. */
  user(userId: string, email?: string | null): string;
  /** "Hannah Larsen" or "West (team)"; "No assignee" for null. */
  assignee(a: AssigneeLike | null | undefined): string;
  /** Just the name: "Hannah Larsen", "West". */
  assigneeName(a: AssigneeLike | null | undefined): string;
}

export const FORMER_USER = 'a former user';
export const DELETED_TEAM = 'a deleted team';

export function createNames(directory: DirectoryEntries = { owners: [], teams: [] }): Names {
  const owners = new Map(directory.owners.map((o) => [o.id, o.name]));
  const users = new Map(directory.owners.flatMap((o) => (o.userId ? [[o.userId, o.name] as const] : [])));
  const teams = new Map(directory.teams.map((t) => [t.id, t.name]));
  const assigneeName = (a: AssigneeLike | null | undefined) => {
    if (!a) return 'No assignee';
    if (a.name) return a.name;
    return a.kind === 'team' ? (teams.get(a.id) ?? DELETED_TEAM) : (owners.get(a.id) ?? FORMER_USER);
  };
  return {
    owner: (id) => owners.get(id) ?? FORMER_USER,
    team: (id) => teams.get(id) ?? DELETED_TEAM,
    user: (userId, email) => users.get(userId) ?? (email || FORMER_USER),
    assigneeName,
    assignee: (a) => (a?.kind === 'team' ? `${assigneeName(a)} (team)` : assigneeName(a)),
  };
}

const NamesContext = createContext<Names>(createNames());

export function NamesProvider({ directory, children }: { directory: DirectoryEntries; children: ReactNode }) {
  const names = useMemo(() => createNames(directory), [directory]);
  return <NamesContext.Provider value={names}>{children}</NamesContext.Provider>;
}

export function useNames(): Names {
  return useContext(NamesContext);
}
