import type { JournalEntryDto } from '@goal-families/contract';
import { ErrorNotice, useRemoteResult } from '@goal-families/ui';
import { Button, EmptyState, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useDirectory } from '../../hooks/useDirectory';
import type { PageEnvironment } from '../../types/page';
import { JournalTable } from './JournalTable';
import { UndoEntry } from './UndoEntry';

export const JOURNAL_PAGE_SIZE = 25;

/** F12: who changed which goal when, newest first; undo of the last family-wide change. */
export function ActivityTab({ environment }: { environment: PageEnvironment }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [generation, setGeneration] = useState(0);
  const [undoing, setUndoing] = useState<JournalEntryDto | null>(null);
  const cursor = cursors[cursors.length - 1];
  const directory = useDirectory(environment.client);
  const { state } = useRemoteResult(
    () =>
      environment.client.call('goal_journal_list', {
        limit: JOURNAL_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      }),
    `${cursor ?? ''}:${generation}`,
  );

  if (state.status === 'loading')
    return <LoadingSpinner label="Loading the activity…" layout="centered" testId="activity-loading" />;
  if (state.status === 'error') {
    return (
      <ErrorState title="The activity could not be loaded" testId="activity-error">
        <ErrorNotice error={state.error} />
      </ErrorState>
    );
  }
  const { entries, nextCursor } = state.data;
  if (entries.length === 0 && cursors.length === 1) {
    return (
      <EmptyState title="No changes yet" layout="vertical" imageName="task" testId="activity-empty">
        <Text>Every change made through this app is listed here, with who made it and what it changed.</Text>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
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
      <JournalTable
        entries={entries}
        environment={environment}
        onUndo={setUndoing}
        userName={directory.userName}
      />
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
