import type { JournalEntryDto } from '@goal-families/contract';
import {
  Button,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { RecordIntegrityTag } from './RecordIntegrityTag';

interface JournalTableProps {
  entries: JournalEntryDto[];
  environment: PageEnvironment;
  onUndo: (entry: JournalEntryDto) => void;
  /** The name of the user who made a change (the journal stores user ids). */
  userName: (userId: string) => string;
}

function when(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

export function JournalTable({ entries, environment, onUndo, userName }: JournalTableProps) {
  return (
    <Table bordered testId="journal-table">
      <TableHead>
        <TableRow>
          <TableHeader>When</TableHeader>
          <TableHeader>Who</TableHeader>
          <TableHeader>Goal</TableHeader>
          <TableHeader>What</TableHeader>
          <TableHeader align="right">Fields changed</TableHeader>
          <TableHeader> </TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} testId={`journal-${entry.id}`}>
            <TableCell>{when(entry.at, environment.timeZone)}</TableCell>
            <TableCell>{userName(entry.by.userId)}</TableCell>
            <TableCell>{entry.familyName}</TableCell>
            <TableCell>{entry.summary}</TableCell>
            <TableCell align="right">{String(entry.changes.length)}</TableCell>
            <TableCell>
              <RecordIntegrityTag entry={entry} />
              {entry.undoneBy !== null ? (
                <StatusTag variant="default">Undone</StatusTag>
              ) : entry.undoable && environment.canEdit ? (
                <Button size="xs" onClick={() => onUndo(entry)} testId={`undo-${entry.id}`}>
                  Undo…
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
