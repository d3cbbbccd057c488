import type { FindingDto } from '@goal-families/contract';
import { MutationSteps, useMutationFlow } from '@goal-families/ui';
import type { PageEnvironment } from '../../types/page';

interface RepairFindingProps {
  uuid: string;
  finding: FindingDto;
  environment: PageEnvironment;
  onDone: (repaired: boolean) => void;
}

/** F9: the repair of one finding, previewed slice by slice, applied with the preview's version. */
export function RepairFinding({ uuid, finding, environment, onDone }: RepairFindingProps) {
  const flow = useMutationFlow(
    (request) => environment.client.call('goal_family_repair', { uuid, findingId: finding.id, ...request }),
    (result) => {
      environment.actions.addAlert({ type: 'success', title: 'Repaired', message: result.plan.summary });
      onDone(true);
    },
  );
  return (
    <MutationSteps
      state={flow.state}
      goalType={finding.goalType}
      currency={environment.currency}
      timeZone={environment.timeZone}
      canPreview
      previewLabel="Preview the repair"
      applyLabel="Repair"
      onPreview={flow.preview}
      onApply={flow.apply}
      onCancel={() => onDone(false)}
    />
  );
}
