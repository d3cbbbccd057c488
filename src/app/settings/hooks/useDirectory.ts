import type { FunctionResult } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useRemoteResult } from '@goal-families/ui';

type Directory = Extract<FunctionResult<'owners_and_teams_list'>, { ok: true }>;
export type Owner = Directory['owners'][number];
export type Team = Directory['teams'][number];

export interface DirectoryView {
  status: 'loading' | 'error' | 'ready';
  owners: Owner[];
  teams: Team[];
  ownerName: (id: string) => string;
  teamName: (id: string) => string;
  /** A HubSpot user's name by user id (the journal stores ids only); "Unknown user" when not an owner. */
  userName: (userId: string) => string;
}

/** Owners and teams for pickers and names; while missing, ids are shown as they are. */
export function useDirectory(client: FunctionsClient): DirectoryView {
  const { state } = useRemoteResult(() => client.call('owners_and_teams_list', {}), 'directory');
  const owners = state.status === 'success' ? state.data.owners : [];
  const teams = state.status === 'success' ? state.data.teams : [];
  return {
    status: state.status === 'success' ? 'ready' : state.status,
    owners,
    teams,
    ownerName: (id) => owners.find((o) => o.id === id)?.name ?? `Owner ${id}`,
    teamName: (id) => teams.find((t) => t.id === id)?.name ?? `Team ${id}`,
    userName: (userId) =>
      owners.find((o) => o.userId === userId)?.name ?? (state.status === 'loading' ? '…' : 'Unknown user'),
  };
}
