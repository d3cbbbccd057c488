import { useRemoteResult } from '@goal-families/ui';
import { ProgressBar } from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import type { FamilyIndexState } from '../../hooks/useFamilyIndex';
import type { PageEnvironment } from '../../types/page';
import type { FilterForm } from '../../utils/familyFilter';
import { filterIndex, pageOf, sortByName } from '../../utils/familyIndex';
import { FamiliesPager } from './FamiliesPager';
import { FamiliesEmpty, FamiliesError, FamiliesLoading } from './FamiliesStates';
import { FamiliesTable } from './FamiliesTable';
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
 * The fast path: filters, sorting and paging run here on the portal's family index; only the
 * visible page's summaries are fetched (`goal_families_list` with `uuids`: one search).
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
  const { state } = useRemoteResult(
    uuids.length > 0
      ? () => client.call('goal_families_list', { uuids, ...(budget ? { budget } : {}) })
      : null,
    JSON.stringify({ uuids, generation }),
  );

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
  if (matching.length === 0) return <FamiliesEmpty filtered={index.index.size > 0} />;
  if (state.status === 'loading') return <FamiliesLoading />;
  if (state.status === 'error') return <FamiliesError error={state.error} />;
  return (
    <>
      <FamiliesTable families={state.data.families} onOpen={onOpen} />
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
