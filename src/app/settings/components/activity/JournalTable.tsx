import type { JournalEntryDto } from '@goal-families/contract';
import { useFormat, useNames } from '@goal-families/ui';
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
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { journalWhat } from '../../utils/journalText';
import { RecordIntegrityTag } from './RecordIntegrityTag';
import type { ResolveAction } from './ResolveEntry';

interface JournalTableProps {
  entries: JournalEntryDto[];
  environment: PageEnvironment;
  onUndo: (entry: JournalEntryDto) => void;
  onResolve: (entry: JournalEntryDto, action: ResolveAction) => void;
}

/** "a former user" starts a cell with a capital. */
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
}: Omit<JournalTableProps, 'entries'> & { entry: JournalEntryDto }) {
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

export function JournalTable({ entries, environment, onUndo, onResolve }: JournalTableProps) {
  const format = useFormat();
  const names = useNames();
  return (
    <Table bordered testId="journal-table">
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>Who</TableHeader>
          <TableHeader>Goal</TableHeader>
          <TableHeader>What</TableHeader>
          <TableHeader>Status</TableHeader>
          <TableHeader> </TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const status = entryStatus(entry);
          return (
            <TableRow key={entry.id} testId={`journal-${entry.id}`}>
              <TableCell>{format.dateTime(entry.at, environment.timeZone)}</TableCell>
              <TableCell>{capitalized(names.user(entry.by.userId))}</TableCell>
              <TableCell>
                <Button
                  variant="transparent"
                  onClick={() => environment.navigate({ tab: 'families', goal: entry.familyUuid })}
                >
                  {entry.familyName}
                </Button>
              </TableCell>
              <TableCell>
                {entry.source === 'csv-import' && <Tag variant="info">Import</Tag>}
                {journalWhat(entry, format, names)}
              </TableCell>
              <TableCell>
                <Flex gap="xs" wrap="wrap">
                  <StatusTag variant={status.variant}>{status.label}</StatusTag>
                  <RecordIntegrityTag entry={entry} />
                </Flex>
              </TableCell>
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
