import { Flex } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useFamilyIndex } from '../../hooks/useFamilyIndex';
import type { PageEnvironment } from '../../types/page';
import { EMPTY_FILTER, type FilterForm, toFamilyFilter } from '../../utils/familyFilter';
import { FamilyDetail } from './FamilyDetail';
import { FamilyFilters } from './FamilyFilters';
import { IndexedFamiliesList } from './IndexedFamiliesList';
import { ServerFamiliesList } from './ServerFamiliesList';

export { FAMILIES_PAGE_SIZE } from './ServerFamiliesList';

interface FamiliesTabProps {
  environment: PageEnvironment;
  /** A goal to open right away (after create, from the health check). */
  openGoal?: string | null;
}

/**
 * Every goal of the portal, searchable and filterable; opening one shows its detail. The list runs
 * on the portal's goal index (the one the health check keeps, else scanned in bounded calls; filtered
 * and paged here). The health filter uses the stored health check's findings; without a stored index
 * it takes the server's slow path, which checks every goal.
 */
export function FamiliesTab({ environment, openGoal = null }: FamiliesTabProps) {
  const { client } = environment;
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const [page, setPage] = useState(1);
  const [generation, setGeneration] = useState(0);
  const [openUuid, setOpenUuid] = useState<string | null>(openGoal);
  const byHealth = form.health !== '';
  const [hasStoredIndex, setHasStoredIndex] = useState(false);
  const familyIndex = useFamilyIndex(client, openUuid === null && (!byHealth || hasStoredIndex));
  const storedNow = familyIndex.state.status === 'ready' && familyIndex.state.stored !== undefined;
  if (storedNow !== hasStoredIndex && familyIndex.state.status === 'ready') setHasStoredIndex(storedNow);

  if (openUuid !== null) {
    return (
      <FamilyDetail
        uuid={openUuid}
        environment={environment}
        onBack={() => setOpenUuid(null)}
        onChanged={() => {
          // A rename, archive, create or copy changes what the index holds: scan again.
          setGeneration((g) => g + 1);
          familyIndex.refresh();
        }}
        onOpen={setOpenUuid}
      />
    );
  }

  const changeFilter = (next: FilterForm) => {
    setForm(next);
    setPage(1);
  };
  const filter = toFamilyFilter(form);
  return (
    <Flex direction="column" gap="md">
      <FamilyFilters form={form} environment={environment} now={environment.now()} onChange={changeFilter} />
      {byHealth && !hasStoredIndex ? (
        <ServerFamiliesList
          key={JSON.stringify(filter)}
          environment={environment}
          filter={filter}
          generation={generation}
          onOpen={setOpenUuid}
        />
      ) : (
        <IndexedFamiliesList
          environment={environment}
          index={familyIndex.state}
          form={form}
          page={page}
          onPage={setPage}
          generation={generation}
          onOpen={setOpenUuid}
        />
      )}
    </Flex>
  );
}
