import type { FindingDto } from '@goal-families/contract';
import { explainError, MutationSteps, useMutationFlow } from '@goal-families/ui';
import type { PageEnvironment } from '../../types/page';

interface RepairFindingProps {
  uuid: string;
  finding: FindingDto;
  environment: PageEnvironment;
  /** `findings`: the family's findings now (after the repair, or when the finding was already gone). */
  onDone: (repaired: boolean, findings?: FindingDto[]) => void;
}

type GoneDetails = { reason?: string; findings?: FindingDto[] };

/** F9: the repair of one problem, previewed target by target, applied with the preview's version. */
export function RepairFinding({ uuid, finding, environment, onDone }: RepairFindingProps) {
  const flow = useMutationFlow(
    async (request) => {
      const result = await environment.client.call('goal_family_repair', {
        uuid,
        findingId: finding.id,
        ...request,
      });
      // Already fixed (by an earlier repair): say so and show the family's findings as they are now.
      const details = result.ok ? undefined : (result.error.details as GoneDetails | undefined);
      if (!result.ok && details?.reason === 'FINDING_GONE') {
        const words = explainError(result.error);
        environment.actions.addAlert({
          type: 'info',
          title: words.title,
          message: `${words.what} ${words.next}`,
        });
        onDone(false, details.findings ?? []);
      }
      return result;
    },
    (result) => {
      environment.actions.addAlert({
        type: 'success',
        title: 'Repaired',
        message: `${finding.familyName ?? 'The goal'} is repaired.`,
      });
      onDone(true, result.findings);
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
