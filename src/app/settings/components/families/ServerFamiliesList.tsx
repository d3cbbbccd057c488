import { useRemoteResult } from '@goal-families/ui';
import { useState } from 'react';
import type { FamilyFilter } from '../../types/contractTypes';
import type { PageEnvironment } from '../../types/page';
import { FamiliesPager } from './FamiliesPager';
import { FamiliesEmpty, FamiliesError, FamiliesLoading } from './FamiliesStates';
import { FamiliesTable, rowOfSummary } from './FamiliesTable';

export const FAMILIES_PAGE_SIZE = 25;

interface ServerFamiliesListProps {
  environment: PageEnvironment;
  filter: FamilyFilter;
  /** Changes after a mutation: the page is loaded again. */
  generation: number;
  onOpen: (uuid: string) => void;
}

/**
 * The SLOW path, kept for the health filter only: health needs every family audited, which the
 * index does not carry, so the server scans every target of the portal on each call
 * (`goal_families_list` with a filter; about N/200 searches) and pages by cursor.
 */
export function ServerFamiliesList({ environment, filter, generation, onOpen }: ServerFamiliesListProps) {
  const { client } = environment;
  /** Cursors of the pages visited so far; the last one is the page shown. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const { state } = useRemoteResult(
    () =>
      client.call('goal_families_list', {
        filter,
        limit: FAMILIES_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      }),
    JSON.stringify({ filter, cursor, generation }),
  );
  const page = cursors.length;
  if (state.status === 'loading') return <FamiliesLoading />;
  if (state.status === 'error') return <FamiliesError error={state.error} />;
  if (state.data.families.length === 0) return <FamiliesEmpty filtered />;
  return (
    <>
      <FamiliesTable rows={state.data.families.map(rowOfSummary)} onOpen={onOpen} />
      <FamiliesPager
        page={page}
        pages={Math.max(page, Math.ceil(state.data.total / FAMILIES_PAGE_SIZE))}
        total={state.data.total}
        hasNext={state.data.nextCursor !== null}
        onPrevious={() => setCursors((c) => c.slice(0, -1))}
        onNext={() => {
          const next = state.data.nextCursor;
          if (next) setCursors((c) => [...c, next]);
        }}
      />
    </>
  );
}
