import type { FindingDto } from '@goal-families/contract';
import { MutationSteps, useMutationFlow } from '@goal-families/ui';
import type { PageEnvironment } from '../../types/page';

interface RepairFindingProps {
  uuid: string;
  finding: FindingDto;
  environment: PageEnvironment;
  onDone: (repaired: boolean) => void;
}

/** F9: the repair of one problem, previewed target by target, applied with the preview's version. */
export function RepairFinding({ uuid, finding, environment, onDone }: RepairFindingProps) {
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_family_repair', { uuid, findingId: finding.id, ...request }),
    () => {
      environment.actions.addAlert({
        type: 'success',
        title: 'Repaired',
        message: `${finding.familyName ?? 'The goal'} is repaired.`,
      });
      onDone(true);
    },
  );
  return (
    <MutationSteps
      state={flow.state}
      goal={{
        name: finding.familyName ?? '',
        goalType: finding.goalType,
        milestone: finding.facts?.milestone ?? 'monthly',
        timeZone: finding.facts?.timeZone ?? environment.timeZone,
      }}
      missing={[]}
      previewLabel="Preview the repair"
      applyLabel="Repair"
      onPreview={flow.preview}
      onApply={flow.apply}
      onCancel={() => onDone(false)}
    />
  );
}
