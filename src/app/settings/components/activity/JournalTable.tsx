import type { JournalEntryDto } from '@goal-families/contract';
import { useFormat, useNames } from '@goal-families/ui';
import {
  Button,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
} from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { journalWhat } from '../../utils/journalText';
import { RecordIntegrityTag } from './RecordIntegrityTag';

interface JournalTableProps {
  entries: JournalEntryDto[];
  environment: PageEnvironment;
  onUndo: (entry: JournalEntryDto) => void;
}

/** "a former user" starts a cell with a capital. */
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function JournalTable({ entries, environment, onUndo }: JournalTableProps) {
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
          <TableHeader> </TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
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
