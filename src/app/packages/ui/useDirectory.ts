import type { FunctionResult } from '@goal-families/contract';
import { useMemo } from 'react';
import type { FunctionsClient } from './functionsClient';
import type { DirectoryEntries } from './names';
import { useRemoteResult } from './useRemoteResult';

type Directory = Extract<FunctionResult<'owners_and_teams_list'>, { ok: true }>;
export type Owner = Directory['owners'][number];
export type Team = Directory['teams'][number];

export interface DirectoryView extends DirectoryEntries {
  status: 'loading' | 'error' | 'ready';
  owners: Owner[];
  teams: Team[];
}

const EMPTY: DirectoryView = { status: 'loading', owners: [], teams: [] };

/**
 * The portal's owners and teams, for pickers and names (`NamesProvider`). One call per surface;
 * `enabled: false` skips it (the card needs names only in some views).
 */
export function useDirectory(client: FunctionsClient, enabled = true): DirectoryView {
  const { state } = useRemoteResult(
    enabled ? () => client.call('owners_and_teams_list', {}) : null,
    enabled ? 'directory' : 'directory-off',
  );
  return useMemo(() => {
    if (state.status === 'success')
      return { status: 'ready', owners: state.data.owners, teams: state.data.teams };
    return state.status === 'error' ? { ...EMPTY, status: 'error' } : EMPTY;
  }, [state]);
}
