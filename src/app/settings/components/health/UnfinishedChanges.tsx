import type { JournalEntryDto } from '@goal-families/contract';
import { Button, Flex, Heading, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PageEnvironment } from '../../types/page';
import { entryStatus } from '../activity/JournalTable';
import { RecordIntegrityTag } from '../activity/RecordIntegrityTag';
import { type ResolveAction, ResolveEntry } from '../activity/ResolveEntry';

interface UnfinishedChangesProps {
  entries: JournalEntryDto[];
  environment: PageEnvironment;
  onResolved: (entryId: string) => void;
}

/**
 * Changes that stopped halfway (the app was cut off, or HubSpot failed while writing and while
 * undoing): each can be finished or rolled back, previewed first — unless its record cannot be
 * believed (changed outside the app, or not signed): then it is only shown, and the goal's findings
 * say what to repair.
 */
export function UnfinishedChanges({ entries, environment, onResolved }: UnfinishedChangesProps) {
  const [open, setOpen] = useState<{ id: string; action: ResolveAction } | null>(null);
  return (
    <Tile testId="unfinished-changes">
      <Flex direction="column" gap="sm">
        <Heading>{`Unfinished change${entries.length === 1 ? '' : 's'}`}</Heading>
        <Text>
          These changes stopped halfway, so their goals may be half-changed. Finish each one, or roll it back
          to how the goal was before it.
        </Text>
        {entries.map((entry) => {
          const status = entryStatus(entry);
          return (
            <Flex key={entry.id} direction="column" gap="xs" testId={`unfinished-${entry.id}`}>
              <Flex gap="sm" align="center">
                <StatusTag variant={status.variant}>{status.label}</StatusTag>
                <RecordIntegrityTag entry={entry} />
                <Text format={{ fontWeight: 'demibold' }}>{entry.familyName}</Text>
                <Text>{entry.summary}</Text>
              </Flex>
              {!entry.trusted && (
                <Text variant="microcopy" testId={`untrusted-unfinished-${entry.id}`}>
                  The app cannot vouch for this record, so it will not finish or roll it back. Check the
                  goal's findings below and repair what they show; the next change to the goal moves this
                  record out of its way.
                </Text>
              )}
              {entry.resolvable && environment.canEdit && open?.id !== entry.id && (
                <Flex gap="xs">
                  <Button
                    size="xs"
                    onClick={() => setOpen({ id: entry.id, action: 'finish' })}
                    testId={`finish-${entry.id}`}
                  >
                    Finish it…
                  </Button>
                  <Button
                    size="xs"
                    onClick={() => setOpen({ id: entry.id, action: 'roll_back' })}
                    testId={`rollback-${entry.id}`}
                  >
                    Roll it back…
                  </Button>
                </Flex>
              )}
              {open?.id === entry.id && (
                <ResolveEntry
                  entry={entry}
                  action={open.action}
                  environment={environment}
                  onDone={(resolved) => {
                    setOpen(null);
                    if (resolved) onResolved(entry.id);
                  }}
                />
              )}
            </Flex>
          );
        })}
      </Flex>
    </Tile>
  );
}
