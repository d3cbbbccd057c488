import { ErrorNotice, useFormat, useRemoteResult } from '@goal-families/ui';
import { Button, EmptyState, Flex, LoadingSpinner, ProgressBar, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useAuditScan } from '../../hooks/useAuditScan';
import type { PageEnvironment } from '../../types/page';
import { groupFindings } from '../../utils/groupFindings';
import { FamilyFindingsTile } from './FamilyFindingsTile';
import { StoreIntegrity } from './StoreIntegrity';
import { UnfinishedChanges } from './UnfinishedChanges';

const FAMILIES_PER_PAGE = 10;

interface HealthTabProps {
  environment: PageEnvironment;
  /** Show one goal's problems (from its detail's "see the problems") instead of scanning the portal. */
  goal?: string | null;
}

/** F8 + F9: check the whole portal page by page, problems grouped by goal, each repairable. */
export function HealthTab({ environment, goal = null }: HealthTabProps) {
  if (goal !== null) return <GoalHealth uuid={goal} environment={environment} />;
  return <PortalHealth environment={environment} />;
}

/** One goal's problems, read with the goal itself (no portal scan). */
function GoalHealth({ uuid, environment }: { uuid: string; environment: PageEnvironment }) {
  const [generation, setGeneration] = useState(0);
  const { state } = useRemoteResult(
    () => environment.client.call('goal_family_get', { uuid }),
    `${uuid}:${generation}`,
  );
  const everyGoal = (
    <Button variant="secondary" onClick={() => environment.navigate({ tab: 'health' })} testId="audit-all">
      Check every goal of the portal
    </Button>
  );
  if (state.status === 'loading') return <LoadingSpinner label="Checking the goal…" layout="centered" />;
  if (state.status === 'error')
    return (
      <Flex direction="column" gap="sm">
        <ErrorNotice error={state.error} />
        {everyGoal}
      </Flex>
    );
  const family = state.data.family;
  const groups = groupFindings(family.findings);
  return (
    <Flex direction="column" gap="md" testId="health-tab">
      <Flex gap="sm" align="center">
        <Button
          variant="transparent"
          onClick={() => environment.navigate({ tab: 'families', goal: uuid })}
          testId="back-to-goal"
        >
          {`← ${family.name}`}
        </Button>
        {everyGoal}
      </Flex>
      {groups.length === 0 && (
        <EmptyState title="This goal is healthy" layout="vertical" imageName="target" testId="goal-healthy">
          <Text>The health check finds nothing wrong with it.</Text>
        </EmptyState>
      )}
      {groups.map((group) => (
        <FamilyFindingsTile
          key={group.familyUuid ?? 'none'}
          group={group}
          environment={environment}
          onFindings={() => setGeneration((g) => g + 1)}
        />
      ))}
    </Flex>
  );
}

function PortalHealth({ environment }: { environment: PageEnvironment }) {
  const format = useFormat();
  const scan = useAuditScan(environment.client);
  const [page, setPage] = useState(0);
  /** Each run of the health check also checks the app's own records once. */
  const [storeRun, setStoreRun] = useState(0);
  /** The goal whose repair is open: it stays in view while findings still arriving reorder the pages. */
  const [pinned, setPinned] = useState<string | null>(null);
  const { state } = scan;
  const groups = groupFindings(state.findings);
  const pageCount = Math.max(1, Math.ceil(groups.length / FAMILIES_PER_PAGE));
  const onPage = groups.slice(page * FAMILIES_PER_PAGE, (page + 1) * FAMILIES_PER_PAGE);
  const pinnedGroup = pinned === null ? undefined : groups.find((g) => g.familyUuid === pinned);
  const shown = pinnedGroup && !onPage.includes(pinnedGroup) ? [pinnedGroup, ...onPage] : onPage;
  const problems = state.findings.filter((f) => f.severity === 'error').length;

  return (
    <Flex direction="column" gap="md" testId="health-tab">
      <Text>
        The health check reads every goal target of the portal and lists goals HubSpot may show twice or not
        at all, with a repair for each problem it can fix safely.
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
          valueDescription={`${format.count(state.scannedFamilies, 'goal')} and ${format.count(state.scannedTargets, 'target')} checked`}
          testId="audit-progress"
        />
      )}
      {state.error && <ErrorNotice error={state.error} />}
      {storeRun > 0 && <StoreIntegrity key={storeRun} environment={environment} run={storeRun} />}
      {state.unfinished.length > 0 && (
        <UnfinishedChanges
          entries={state.unfinished}
          environment={environment}
          onResolved={(entryId) => scan.resolved(entryId)}
        />
      )}
      {state.status === 'done' && groups.length === 0 && state.unfinished.length === 0 && (
        <EmptyState title="Every goal is healthy" layout="vertical" imageName="target" testId="audit-healthy">
          <Text>The health check found nothing to repair.</Text>
        </EmptyState>
      )}
      {groups.length > 0 && (
        <Text format={{ fontWeight: 'demibold' }} testId="audit-summary">
          {`${format.count(problems, 'problem')} and ${format.count(state.findings.length - problems, 'warning')} in ${format.count(groups.length, 'goal')}`}
        </Text>
      )}
      {shown.map((group) => (
        <FamilyFindingsTile
          key={group.familyUuid ?? 'none'}
          group={group}
          environment={environment}
          onFindings={(familyUuid, findings) => scan.replaceFamily(familyUuid, findings)}
          onRepairOpen={(open) => {
            const uuid = group.familyUuid;
            setPinned((current) => (open ? uuid : current === uuid ? null : current));
          }}
        />
      ))}
      {pageCount > 1 && (
        <Flex gap="sm" align="center">
          <Button size="xs" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Text>{`Page ${format.integer(page + 1)} of ${format.integer(pageCount)}`}</Text>
          <Button size="xs" disabled={page + 1 >= pageCount} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
