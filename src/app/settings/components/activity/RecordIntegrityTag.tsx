import type { JournalEntryDto } from '@goal-families/contract';
import { StatusTag } from '@hubspot/ui-extensions';

/**
 * Marks a change record the app cannot vouch for: changed outside the app, or not signed while the
 * app signs its records. Such a record is shown but never used to undo anything.
 */
export function RecordIntegrityTag({
  entry,
}: {
  entry: Pick<JournalEntryDto, 'id' | 'integrity' | 'trusted'>;
}) {
  if (entry.trusted) return null;
  return entry.integrity === 'tampered' ? (
    <StatusTag variant="danger" testId={`tampered-${entry.id}`}>
      Altered outside the app
    </StatusTag>
  ) : (
    <StatusTag variant="warning" testId={`unsigned-${entry.id}`}>
      Not signed by the app
    </StatusTag>
  );
}
