import type { JournalEntryDto } from '@goal-families/contract';
import { MutationSteps, useMutationFlow } from '@goal-families/ui';
import { Flex, Heading, Tile } from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';

interface UndoEntryProps {
  entry: JournalEntryDto;
  environment: PageEnvironment;
  onDone: (undone: boolean) => void;
}

/** Undo through the same safe-write protocol: preview what is restored, then apply. */
export function UndoEntry({ entry, environment, onDone }: UndoEntryProps) {
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_change_undo', { entryId: entry.id, ...request }),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `Undone: ${entry.familyName}`,
        message: result.plan.summary,
      });
      onDone(true);
    },
  );
  return (
    <Tile testId="undo-panel">
      <Flex direction="column" gap="sm">
        <Heading>{`Undo “${entry.summary}”`}</Heading>
        <MutationSteps
          state={flow.state}
          goalType={entry.goalType}
          currency={environment.currency}
          timeZone={environment.timeZone}
          canPreview
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
