import { useRemoteResult } from '@goal-families/ui';
import { Flex, ProgressBar, Text } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { FamilyIndexState } from '../../hooks/useFamilyIndex';
import type { PageEnvironment } from '../../types/page';
import type { FilterForm } from '../../utils/familyFilter';
import { filterIndex, pageOf, sortByName } from '../../utils/familyIndex';
import { timeAgo } from '../../utils/freshness';
import { FamiliesPager } from './FamiliesPager';
import { FamiliesEmpty, FamiliesError, FamiliesLoading } from './FamiliesStates';
import { FamiliesTable, rowOfEntry, rowOfSummary } from './FamiliesTable';
import { FAMILIES_PAGE_SIZE } from './ServerFamiliesList';

interface IndexedFamiliesListProps {
  environment: PageEnvironment;
  index: FamilyIndexState;
  form: FilterForm;
  page: number;
  onPage: (page: number) => void;
  /** Changes after a mutation: the page's summaries are loaded again. */
  generation: number;
  onOpen: (uuid: string) => void;
}

/**
 * The fast path: filters, sorting and paging run here on the portal's family index. From the index
 * the health check keeps, the page shows the stored rows (no further call; a goal is read live when
 * opened) and says how fresh they are; from a scan, the visible page's summaries are fetched
 * (`goal_families_list` with `uuids`: one search).
 */
export function IndexedFamiliesList(props: IndexedFamiliesListProps) {
  const { environment, index, form, page, onPage, generation, onOpen } = props;
  const { client, timeZone } = environment;
  const matching = useMemo(
    () => (index.status === 'ready' ? sortByName(filterIndex(index.index.values(), form, timeZone)) : []),
    [index, form, timeZone],
  );
  const visible = pageOf(matching, page, FAMILIES_PAGE_SIZE);
  const uuids = visible.items.map((e) => e.uuid);
  const budget = index.status === 'ready' ? index.budget : undefined;
  const stored = index.status === 'ready' ? index.stored : undefined;
  const { state } = useRemoteResult(
    uuids.length > 0 && !stored
      ? () => client.call('goal_families_list', { uuids, ...(budget ? { budget } : {}) })
      : null,
    JSON.stringify({ uuids, generation }),
  );

  if (index.status === 'opening') return <FamiliesLoading />;
  if (index.status === 'scanning') {
    return (
      <ProgressBar
        title="Reading the portal’s goals…"
        value={Math.round(index.progress * 100)}
        maxValue={100}
        showPercentage
        testId="families-index-progress"
      />
    );
  }
  if (index.status === 'error') return <FamiliesError error={index.error} />;
  const freshness = stored ? (
    <Text variant="microcopy" testId="families-freshness">
      {`Updated ${timeAgo(stored.freshAt, environment.now())}${stored.refreshing ? ' · checking for changes…' : ''}${
        form.health
          ? ` · health as found by the health check ${timeAgo(stored.builtAt, environment.now())}`
          : ''
      }`}
    </Text>
  ) : (
    <Text variant="microcopy" testId="families-index-hint">
      Run the health check once to keep an index of your goals: this list then opens at once, whatever the
      number of goals.
    </Text>
  );
  if (matching.length === 0)
    return (
      <Flex direction="column" gap="sm">
        <FamiliesEmpty filtered={index.index.size > 0} />
        {freshness}
      </Flex>
    );
  if (!stored && state.status === 'loading') return <FamiliesLoading />;
  if (!stored && state.status === 'error') return <FamiliesError error={state.error} />;
  return (
    <>
      {stored ? (
        <FamiliesTable rows={visible.items.map((e) => rowOfEntry(e, timeZone))} onOpen={onOpen} />
      ) : state.status === 'success' ? (
        <FamiliesTable rows={state.data.families.map(rowOfSummary)} onOpen={onOpen} />
      ) : null}
      {freshness}
      <FamiliesPager
        page={visible.page}
        pages={visible.pages}
        total={matching.length}
        hasNext={visible.page < visible.pages}
        onPrevious={() => onPage(visible.page - 1)}
        onNext={() => onPage(visible.page + 1)}
      />
    </>
  );
}
