import type { JournalEntryDto } from '@goal-families/contract';
import { ErrorNotice, useRemoteResult } from '@goal-families/ui';
import { Button, EmptyState, ErrorState, Flex, LoadingSpinner, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useFamilyIndex } from '../../hooks/useFamilyIndex';
import type { PageEnvironment } from '../../types/page';
import { JournalTable } from './JournalTable';
import { UndoEntry } from './UndoEntry';

export const JOURNAL_PAGE_SIZE = 25;

interface ActivityTabProps {
  environment: PageEnvironment;
  /** Start filtered to one goal (from its detail's "Activity"). */
  goal?: string | null;
}

/** F12: who changed which goal when, newest first, by goal and by person; undo of the last change. */
export function ActivityTab({ environment, goal = null }: ActivityTabProps) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [generation, setGeneration] = useState(0);
  const [undoing, setUndoing] = useState<JournalEntryDto | null>(null);
  const [goalFilter, setGoalFilter] = useState(goal ?? '');
  const [userFilter, setUserFilter] = useState('');
  const goals = useFamilyIndex(environment.client, true);
  const cursor = cursors[cursors.length - 1];
  const { state } = useRemoteResult(
    () =>
      environment.client.call('goal_journal_list', {
        limit: JOURNAL_PAGE_SIZE,
        ...(goalFilter ? { familyUuid: goalFilter } : {}),
        ...(userFilter ? { userId: userFilter } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    `${cursor ?? ''}:${generation}:${goalFilter}:${userFilter}`,
  );
  const filter = (apply: () => void) => {
    apply();
    setCursors([undefined]);
  };
  const goalOptions =
    goals.state.status === 'ready'
      ? [...goals.state.index.values()]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((entry) => ({ label: entry.name, value: entry.uuid }))
      : [];
  const users = environment.directory.owners.filter((o) => o.userId !== null);

  const filters = (
    <Flex gap="sm" wrap>
      <Select
        label="Goal"
        name="activity-goal"
        value={goalFilter}
        options={[
          { label: 'Every goal', value: '' },
          ...(goalFilter && !goalOptions.some((o) => o.value === goalFilter)
            ? [{ label: 'The goal you opened', value: goalFilter }]
            : []),
          ...goalOptions,
        ]}
        onChange={(v) => filter(() => setGoalFilter(String(v)))}
        testId="activity-goal"
      />
      <Select
        label="Changed by"
        name="activity-user"
        value={userFilter}
        options={[
          { label: 'Anyone', value: '' },
          ...users.map((u) => ({ label: u.name, value: u.userId ?? '' })),
        ]}
        onChange={(v) => filter(() => setUserFilter(String(v)))}
        testId="activity-user"
      />
    </Flex>
  );

  if (state.status === 'loading')
    return (
      <Flex direction="column" gap="md">
        {filters}
        <LoadingSpinner label="Loading the activity…" layout="centered" testId="activity-loading" />
      </Flex>
    );
  if (state.status === 'error') {
    return (
      <Flex direction="column" gap="md">
        {filters}
        <ErrorState title="The activity could not be loaded" testId="activity-error">
          <ErrorNotice error={state.error} />
        </ErrorState>
      </Flex>
    );
  }
  const { entries, nextCursor } = state.data;
  if (entries.length === 0 && cursors.length === 1) {
    return (
      <Flex direction="column" gap="md">
        {filters}
        <EmptyState title="No changes yet" layout="vertical" imageName="task" testId="activity-empty">
          <Text>
            {goalFilter || userFilter
              ? 'No change made through this app matches these filters.'
              : 'Every change made through this app is listed here, with who made it and what it changed.'}
          </Text>
        </EmptyState>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="md">
      {filters}
      {undoing && (
        <UndoEntry
          entry={undoing}
          environment={environment}
          onDone={(undone) => {
            setUndoing(null);
            if (undone) {
              setCursors([undefined]);
              setGeneration((g) => g + 1);
            }
          }}
        />
      )}
      <JournalTable entries={entries} environment={environment} onUndo={setUndoing} />
      <Flex gap="sm" align="center">
        <Button size="xs" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Newer
        </Button>
        <Text>{`Page ${cursors.length}`}</Text>
        <Button
          size="xs"
          disabled={nextCursor === null}
          onClick={() => {
            if (nextCursor) setCursors((c) => [...c, nextCursor]);
          }}
          testId="activity-older"
        >
          Older
        </Button>
      </Flex>
    </Flex>
  );
}
