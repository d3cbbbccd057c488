import type { JournalEntryDto } from '@goal-families/contract';
import { MutationSteps, useFormat, useMutationFlow, useNames } from '@goal-families/ui';
import { Flex, Heading, Tile } from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { journalWhat } from '../../utils/journalText';

interface UndoEntryProps {
  entry: JournalEntryDto;
  environment: PageEnvironment;
  onDone: (undone: boolean) => void;
}

/** Undo through the same safe-write protocol: preview what is restored, then apply. */
export function UndoEntry({ entry, environment, onDone }: UndoEntryProps) {
  const format = useFormat();
  const names = useNames();
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_change_undo', { entryId: entry.id, ...request }),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `Undone: ${entry.familyName}`,
        message: `${format.count(result.plan.updates.length + result.plan.archives.length, 'target')} restored.`,
      });
      onDone(true);
    },
  );
  return (
    <Tile testId="undo-panel">
      <Flex direction="column" gap="sm">
        <Heading>{`Undo “${journalWhat(entry, format, names)}” on ${entry.familyName}`}</Heading>
        <MutationSteps
          state={flow.state}
          goal={{
            name: entry.familyName,
            goalType: entry.goalType,
            milestone: 'monthly',
            timeZone: environment.timeZone,
          }}
          missing={[]}
          previewLabel="Preview the undo"
          applyLabel="Undo this change"
          onPreview={flow.preview}
          onApply={flow.apply}
          onCancel={() => onDone(false)}
        />
      </Flex>
    </Tile>
  );
}
