import type { JournalEntryDto } from '@goal-families/contract';
import { MutationSteps, useFormat, useMutationFlow, useNames } from '@goal-families/ui';
import { Flex, Heading, Text, Tile } from '@hubspot/ui-extensions';
import type { PageEnvironment } from '../../types/page';
import { journalWhat } from '../../utils/journalText';

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

/** An unfinished change: finish it or roll it back, previewed target by target like every change. */
export function ResolveEntry({ entry, action, environment, onDone }: ResolveEntryProps) {
  const words = WORDS[action];
  const format = useFormat();
  const names = useNames();
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_change_resolve', { entryId: entry.id, action, ...request }),
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: `${action === 'finish' ? 'Finished' : 'Rolled back'}: ${entry.familyName}`,
        message: `${format.count(result.plan.updates.length + result.plan.creates.length + result.plan.archives.length, 'target')} ${action === 'finish' ? 'saved' : 'brought back'}.`,
      });
      onDone(true);
    },
  );
  return (
    <Tile testId={`resolve-panel-${action}`}>
      <Flex direction="column" gap="sm">
        <Heading>{`${words.heading} “${journalWhat(entry, format, names)}” on ${entry.familyName}`}</Heading>
        <Text>{words.explain}</Text>
        <MutationSteps
          state={flow.state}
          goal={{
            name: entry.familyName,
            goalType: entry.goalType,
            milestone: 'monthly',
            timeZone: environment.timeZone,
          }}
          missing={[]}
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
