import { Flex } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useDirectory } from '../../hooks/useDirectory';
import { useFamilyIndex } from '../../hooks/useFamilyIndex';
import { useGoalOptions } from '../../hooks/useGoalOptions';
import type { PageEnvironment } from '../../types/page';
import { EMPTY_FILTER, type FilterForm, toFamilyFilter } from '../../utils/familyFilter';
import { FamilyDetail } from './FamilyDetail';
import { FamilyFilters } from './FamilyFilters';
import { IndexedFamiliesList } from './IndexedFamiliesList';
import { ServerFamiliesList } from './ServerFamiliesList';

export { FAMILIES_PAGE_SIZE } from './ServerFamiliesList';

/**
 * Every family of the portal, searchable and filterable; opening one shows its detail. The list
 * runs on the portal's family index (scanned in bounded calls, filtered and paged here); only the
 * health filter, which needs every family audited, takes the server's slow path.
 */
export function FamiliesTab({ environment }: { environment: PageEnvironment }) {
  const { client } = environment;
  const directory = useDirectory(client);
  const options = useGoalOptions(client);
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  const [page, setPage] = useState(1);
  const [generation, setGeneration] = useState(0);
  const [openUuid, setOpenUuid] = useState<string | null>(null);
  const byHealth = form.health !== '';
  const familyIndex = useFamilyIndex(client, openUuid === null && !byHealth);

  if (openUuid !== null) {
    return (
      <FamilyDetail
        uuid={openUuid}
        environment={environment}
        directory={directory}
        goalTypes={options.goalTypes}
        pipelines={options.pipelines}
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
      <FamilyFilters
        form={form}
        directory={directory}
        goalTypes={options.goalTypes}
        now={environment.now()}
        onChange={changeFilter}
      />
      {byHealth ? (
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
