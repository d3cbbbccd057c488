/**
 * `goal_family_repair` (F9): the repair of one health finding, through the safe-write protocol. It
 * answers with the family's findings as they are afterwards (a repair often settles other findings
 * too), and a finding that is already gone says so with the fresh findings.
 */
import type { FindingDto, MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { auditFamily, type Finding, planRepair } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import type { CrmRecord } from './ports';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { fromRecords, loadFamily } from './safe-write/read-family';
import { executeMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';
import { presentFinding } from './support/presenters';

/** The family's findings as the health check reports them, from its records. */
function findingsOf(uuid: string, records: readonly CrmRecord[], timeZone: string): FindingDto[] {
  const { family } = fromRecords(uuid, [...records]);
  if (family === null) return [];
  return auditFamily(family, { timeZone }).map((f) => presentFinding(f, family));
}

export function repairFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_repair'>,
): Promise<Result<MutationResultDto & { findings: FindingDto[] }>> {
  const timeZone = p.portal.timeZone;
  return guarded(async () => {
    const run = await executeMutation(deps, p, {
      uuid: p.uuid,
      load: (known) => loadFamily(deps.gateway, p.uuid, known),
      plan: withFamily(({ family, records }) => {
        const finding: Finding | undefined = auditFamily(family, { timeZone }).find(
          (f) => f.id === p.findingId,
        );
        if (!finding) {
          return failure(
            'NOT_FOUND',
            'This problem is no longer there: an earlier repair or edit already fixed it. Nothing was changed. The goal’s current findings are listed again.',
            {
              reason: 'FINDING_GONE',
              findingId: p.findingId,
              findings: findingsOf(p.uuid, records, timeZone),
            },
          );
        }
        return planOrFailure(planRepair({ uuid: family.uuid, slices: family.slices }, finding));
      }),
    });
    if (!run.result.ok) return run.result;
    return success({ ...run.result, findings: findingsOf(p.uuid, run.records ?? [], timeZone) });
  });
}
