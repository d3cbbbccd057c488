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
import { defaultZone } from './safe-write/permissions';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { fromRecords, loadFamily } from './safe-write/read-family';
import { executeMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';
import { createNameBook, type NameBook } from './support/names';
import { presentFinding } from './support/present-finding';

/** The family's findings as the health check reports them, from its records. */
async function findingsOf(
  uuid: string,
  records: readonly CrmRecord[],
  timeZone: string,
  names: NameBook,
): Promise<FindingDto[]> {
  const { family } = fromRecords(uuid, [...records]);
  if (family === null) return [];
  const out: FindingDto[] = [];
  for (const f of auditFamily(family, { timeZone }))
    out.push(await presentFinding(f, family, { names, timeZone }));
  return out;
}

export function repairFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_repair'>,
): Promise<Result<MutationResultDto & { findings: FindingDto[] }>> {
  const names = createNameBook(deps.gateway);
  // The same default zone as the health check that reported the finding (from the settings the
  // permission check read); the portal's until then.
  let timeZone = p.portal.timeZone;
  return guarded(async () => {
    const run = await executeMutation(deps, p, {
      uuid: p.uuid,
      load: (known) => loadFamily(deps.gateway, p.uuid, known),
      plan: withFamily(async ({ family, records }, settings) => {
        timeZone = defaultZone(settings);
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
              findings: await findingsOf(p.uuid, records, timeZone, names),
            },
          );
        }
        return planOrFailure(planRepair({ uuid: family.uuid, slices: family.slices }, finding));
      }),
    });
    if (!run.result.ok) return run.result;
    return success({ ...run.result, findings: await findingsOf(p.uuid, run.records ?? [], timeZone, names) });
  });
}
