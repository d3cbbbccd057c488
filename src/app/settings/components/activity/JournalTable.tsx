import type { JournalEntryDto } from '@goal-families/contract';
import {
  Button,
  Flex,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { RecordIntegrityTag } from './RecordIntegrityTag';
import type { ResolveAction } from './ResolveEntry';

interface JournalTableProps {
  entries: JournalEntryDto[];
  environment: PageEnvironment;
  onUndo: (entry: JournalEntryDto) => void;
  onResolve: (entry: JournalEntryDto, action: ResolveAction) => void;
  /** The name of the user who made a change (the journal stores user ids). */
  userName: (userId: string) => string;
}

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** Where a change stands, in words, with the tag's colour. */
export function entryStatus(entry: JournalEntryDto): {
  label: string;
  variant: 'default' | 'success' | 'warning' | 'danger';
} {
  if (entry.undoneBy !== null) return { label: 'Undone', variant: 'default' };
  switch (entry.state) {
    case 'pending':
      return { label: 'Unfinished', variant: 'warning' };
    case 'needs_attention':
      return { label: 'Half-applied', variant: 'danger' };
    case 'rolled_back':
      return { label: 'Not applied', variant: 'default' };
    default:
      return { label: 'Applied', variant: 'success' };
  }
}

/** Finish / roll back for unfinished changes, undo where possible, else why not. */
function EntryActions({
  entry,
  environment,
  onUndo,
  onResolve,
}: Omit<JournalTableProps, 'entries' | 'userName'> & { entry: JournalEntryDto }) {
  if (entry.resolvable && environment.canEdit) {
    return (
      <Flex gap="xs" wrap="wrap">
        <Button size="xs" onClick={() => onResolve(entry, 'finish')} testId={`finish-${entry.id}`}>
          Finish it…
        </Button>
        <Button size="xs" onClick={() => onResolve(entry, 'roll_back')} testId={`rollback-${entry.id}`}>
          Roll it back…
        </Button>
      </Flex>
    );
  }
  if (entry.undoable && entry.undoneBy === null && environment.canEdit) {
    return (
      <Button size="xs" onClick={() => onUndo(entry)} testId={`undo-${entry.id}`}>
        Undo…
      </Button>
    );
  }
  if (entry.undoneBy !== null || entry.notUndoableReason === null) return null;
  return (
    <Text variant="microcopy" testId={`why-${entry.id}`}>
      {entry.notUndoableReason}
    </Text>
  );
}

export function JournalTable({ entries, environment, onUndo, onResolve, userName }: JournalTableProps) {
  return (
    <Table bordered testId="journal-table">
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>Who</TableHeader>
          <TableHeader>Goal</TableHeader>
          <TableHeader>What</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader align="right">Fields changed</TableHeader>
          <TableHeader> </TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const status = entryStatus(entry);
          return (
            <TableRow key={entry.id} testId={`journal-${entry.id}`}>
              <TableCell>{when(entry.at, environment.timeZone)}</TableCell>
              <TableCell>{userName(entry.by.userId)}</TableCell>
              <TableCell>{entry.familyName}</TableCell>
              <TableCell>{entry.summary}</TableCell>
              <TableCell>
                <Flex gap="xs" wrap="wrap">
                  <StatusTag variant={status.variant}>{status.label}</StatusTag>
                  <RecordIntegrityTag entry={entry} />
                </Flex>
              </TableCell>
              <TableCell align="right">{String(entry.changes.length + entry.createdIds.length)}</TableCell>
              <TableCell>
                <EntryActions entry={entry} environment={environment} onUndo={onUndo} onResolve={onResolve} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
