import { Button, EmptyState, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useDirectory } from '../../hooks/useDirectory';
import { useGoalOptions } from '../../hooks/useGoalOptions';
import { ErrorNotice } from '../../shared/components/ErrorNotice';
import { useRemoteResult } from '../../shared/useRemoteResult';
import type { PageEnvironment } from '../../types/page';
import { EMPTY_FILTER, type FilterForm, toFamilyFilter } from '../../utils/familyFilter';
import { FamiliesTable } from './FamiliesTable';
import { FamilyDetail } from './FamilyDetail';
import { FamilyFilters } from './FamilyFilters';

export const FAMILIES_PAGE_SIZE = 25;

/** Every family of the portal, searchable and filterable; opening one shows its detail. */
export function FamiliesTab({ environment }: { environment: PageEnvironment }) {
  const { client, currency, timeZone } = environment;
  const directory = useDirectory(client);
  const options = useGoalOptions(client);
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  /** Cursors of the pages visited so far; the last one is the page shown. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [generation, setGeneration] = useState(0);
  const [openUuid, setOpenUuid] = useState<string | null>(null);
  const filter = toFamilyFilter(form);
  const cursor = cursors[cursors.length - 1];

  const { state } = useRemoteResult(
    openUuid === null
      ? () =>
          client.call('goal_families_list', {
            filter,
            limit: FAMILIES_PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
          })
      : null,
    JSON.stringify({ filter, cursor, generation, open: openUuid === null }),
  );

  if (openUuid !== null) {
    return (
      <FamilyDetail
        uuid={openUuid}
        environment={environment}
        directory={directory}
        goalTypes={options.goalTypes}
        pipelines={options.pipelines}
        onBack={() => setOpenUuid(null)}
        onChanged={() => setGeneration((g) => g + 1)}
        onOpen={setOpenUuid}
      />
    );
  }

  const changeFilter = (next: FilterForm) => {
    setForm(next);
    setCursors([undefined]);
  };
  const page = cursors.length;
  return (
    <Flex direction="column" gap="md">
      <FamilyFilters
        form={form}
        directory={directory}
        goalTypes={options.goalTypes}
        now={environment.now()}
        onChange={changeFilter}
      />
      {state.status === 'loading' && (
        <LoadingSpinner label="Loading goals…" layout="centered" testId="families-loading" />
      )}
      {state.status === 'error' && (
        <ErrorState title="The goals could not be loaded" testId="families-error">
          <ErrorNotice error={state.error} />
        </ErrorState>
      )}
      {state.status === 'success' && state.data.families.length === 0 && (
        <EmptyState title="No goals found" layout="vertical" imageName="target" testId="families-empty">
          <Text>
            {page === 1 && Object.keys(filter).length === 0
              ? 'This portal has no goals yet. Create one in the Create tab.'
              : 'No goal matches these filters.'}
          </Text>
        </EmptyState>
      )}
      {state.status === 'success' && state.data.families.length > 0 && (
        <>
          <FamiliesTable
            families={state.data.families}
            currency={currency}
            timeZone={timeZone}
            onOpen={setOpenUuid}
          />
          <Flex gap="sm" align="center">
            <Button
              size="xs"
              disabled={page === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
              testId="page-previous"
            >
              Previous
            </Button>
            <Text testId="page-position">{`Page ${page} of ${Math.max(page, Math.ceil(state.data.total / FAMILIES_PAGE_SIZE))} · ${state.data.total} goals`}</Text>
            <Button
              size="xs"
              disabled={state.data.nextCursor === null}
              onClick={() => {
                const next = state.data.nextCursor;
                if (next) setCursors((c) => [...c, next]);
              }}
              testId="page-next"
            >
              Next
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
