import { ErrorNotice } from '@goal-families/ui';
import { Button, EmptyState, Flex, ProgressBar, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useAuditScan } from '../../hooks/useAuditScan';
import type { PageEnvironment } from '../../types/page';
import { groupFindings } from '../../utils/groupFindings';
import { FamilyFindingsTile } from './FamilyFindingsTile';
import { StoreIntegrity } from './StoreIntegrity';

const FAMILIES_PER_PAGE = 10;

/** F8 + F9: scan the whole portal page by page, findings grouped by family, each repairable. */
export function HealthTab({ environment }: { environment: PageEnvironment }) {
  const scan = useAuditScan(environment.client);
  const [page, setPage] = useState(0);
  /** Each run of the health check also checks the app's own records once. */
  const [storeRun, setStoreRun] = useState(0);
  const { state } = scan;
  const groups = groupFindings(state.findings);
  const pageCount = Math.max(1, Math.ceil(groups.length / FAMILIES_PER_PAGE));
  const shown = groups.slice(page * FAMILIES_PER_PAGE, (page + 1) * FAMILIES_PER_PAGE);

  return (
    <Flex direction="column" gap="md" testId="health-tab">
      <Text>
        The health check reads every goal target of the portal and lists families HubSpot may show twice or
        not at all.
      </Text>
      <Flex gap="sm">
        {state.status === 'running' ? (
          <Button onClick={() => scan.pause()} testId="audit-pause">
            Pause
          </Button>
        ) : (
          <Button
            variant="primary"
            onClick={() => {
              setPage(0);
              setStoreRun((n) => n + 1);
              scan.start();
            }}
            testId="audit-start"
          >
            {state.status === 'idle' ? 'Run the health check' : 'Run again'}
          </Button>
        )}
        {(state.status === 'paused' || state.status === 'failed') && (
          <Button onClick={() => scan.resume()} testId="audit-resume">
            Continue where it stopped
          </Button>
        )}
      </Flex>
      {state.status !== 'idle' && (
        <ProgressBar
          title={
            state.status === 'done' ? 'Check complete' : state.status === 'running' ? 'Checking…' : 'Stopped'
          }
          value={Math.round(state.progress * 100)}
          maxValue={100}
          showPercentage
          valueDescription={`${state.scannedFamilies} families, ${state.scannedTargets} targets checked`}
          testId="audit-progress"
        />
      )}
      {state.error && <ErrorNotice error={state.error} />}
      {storeRun > 0 && <StoreIntegrity key={storeRun} environment={environment} run={storeRun} />}
      {state.status === 'done' && groups.length === 0 && (
        <EmptyState title="Every goal is healthy" layout="vertical" imageName="target" testId="audit-healthy">
          <Text>No broken families were found.</Text>
        </EmptyState>
      )}
      {groups.length > 0 && (
        <Text format={{ fontWeight: 'demibold' }} testId="audit-summary">
          {`${state.findings.length} finding${state.findings.length === 1 ? '' : 's'} in ${groups.length} famil${groups.length === 1 ? 'y' : 'ies'}`}
        </Text>
      )}
      {shown.map((group) => (
        <FamilyFindingsTile
          key={group.familyUuid ?? 'none'}
          group={group}
          environment={environment}
          onRepaired={(findingId) => scan.dismiss(findingId)}
        />
      ))}
      {pageCount > 1 && (
        <Flex gap="sm" align="center">
          <Button size="xs" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Text>{`Families page ${page + 1} of ${pageCount}`}</Text>
          <Button size="xs" disabled={page + 1 >= pageCount} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
