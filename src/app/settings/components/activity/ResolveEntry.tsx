import type { JournalEntryDto } from '@goal-families/contract';
import { MutationSteps, useMutationFlow } from '@goal-families/ui';
import { Flex, Heading, Text, Tile } from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';

export type ResolveAction = 'finish' | 'roll_back';

interface ResolveEntryProps {
  entry: JournalEntryDto;
  action: ResolveAction;
  environment: PageEnvironment;
  onDone: (resolved: boolean) => void;
}

const WORDS: Record<ResolveAction, { heading: string; explain: string; preview: string; apply: string }> = {
  finish: {
    heading: 'Finish',
    explain: 'Saves what this change had not saved yet, so that the whole goal holds it.',
    preview: 'Preview what is left to save',
    apply: 'Finish this change',
  },
  roll_back: {
    heading: 'Roll back',
    explain: 'Brings back what this change had already saved, so that the goal is as it was before it.',
    preview: 'Preview what is brought back',
    apply: 'Roll this change back',
  },
};

/** An unfinished change: finish it or roll it back, previewed slice by slice like every change. */
export function ResolveEntry({ entry, action, environment, onDone }: ResolveEntryProps) {
  const words = WORDS[action];
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_change_resolve', { entryId: entry.id, action, ...request }),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `${action === 'finish' ? 'Finished' : 'Rolled back'}: ${entry.familyName}`,
        message: result.plan.summary,
      });
      onDone(true);
    },
  );
  return (
    <Tile testId={`resolve-panel-${action}`}>
      <Flex direction="column" gap="sm">
        <Heading>{`${words.heading} “${entry.summary}”`}</Heading>
        <Text>{words.explain}</Text>
        <MutationSteps
          state={flow.state}
          goalType={entry.goalType}
          currency={environment.currency}
          timeZone={environment.timeZone}
          canPreview
          previewLabel={words.preview}
          applyLabel={words.apply}
          onPreview={flow.preview}
          onApply={flow.apply}
          onCancel={() => onDone(false)}
        />
      </Flex>
    </Tile>
  );
}
