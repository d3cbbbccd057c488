import type { FindingDto, Severity } from '@goal-families/contract';
import { findingText, useFormat, useNames } from '@goal-families/ui';
import { Button, Flex, Heading, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PageEnvironment } from '../../types/page';
import type { FamilyFindings } from '../../utils/groupFindings';
import { RepairFinding } from './RepairFinding';

const SEVERITY_TAG = { error: 'danger', warning: 'warning', info: 'info' } as const;
const SEVERITY_WORD: Record<Severity, [string, string]> = {
  error: ['problem', 'problems'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};
const SEVERITY_LABEL: Record<Severity, string> = { error: 'Needs repair', warning: 'Warning', info: 'Note' };

interface FamilyFindingsTileProps {
  group: FamilyFindings;
  environment: PageEnvironment;
  /** The family's findings after a repair (or after finding one already fixed). */
  onFindings: (familyUuid: string, findings: FindingDto[]) => void;
  /** A repair of one of its findings opened (true) or closed (false). */
  onRepairOpen?: (open: boolean) => void;
}

/** One goal's problems, worst first, each with its repair or what to do by hand. */
export function FamilyFindingsTile({
  group,
  environment,
  onFindings,
  onRepairOpen,
}: FamilyFindingsTileProps) {
  const format = useFormat();
  const names = useNames();
  const [repairing, setRepairingState] = useState<string | null>(null);
  const setRepairing = (findingId: string | null) => {
    setRepairingState(findingId);
    onRepairOpen?.(findingId !== null);
  };
  const canRepair = (f: FindingDto) => environment.canEdit && f.repair !== null && group.familyUuid !== null;
  const uuid = group.familyUuid;
  return (
    <Tile testId={`findings-${uuid ?? 'none'}`}>
      <Flex direction="column" gap="sm">
        <Flex gap="sm" align="center" wrap>
          <Heading>{group.familyName}</Heading>
          {(['error', 'warning', 'info'] as const)
            .filter((s) => group.counts[s] > 0)
            .map((s) => (
              <StatusTag key={s} variant={SEVERITY_TAG[s]}>
                {format.count(group.counts[s], ...SEVERITY_WORD[s])}
              </StatusTag>
            ))}
          {uuid && (
            <Button
              size="xs"
              variant="transparent"
              onClick={() => environment.navigate({ tab: 'families', goal: uuid })}
              testId={`open-goal-${uuid}`}
            >
              Open the goal
            </Button>
          )}
        </Flex>
        {group.findings.map((finding) => {
          const text = findingText(finding, format, names);
          return (
            <Flex key={finding.id} direction="column" gap="xs" testId={`finding-${finding.id}`}>
              <Flex gap="sm" align="center">
                <StatusTag variant={SEVERITY_TAG[finding.severity]}>
                  {SEVERITY_LABEL[finding.severity]}
                </StatusTag>
                <Text testId={`finding-message-${finding.id}`}>{text.message}</Text>
              </Flex>
              {text.targets.length > 0 && (
                <Text variant="microcopy">{`Targets: ${text.targets.join('; ')}${finding.sliceIds.length > text.targets.length ? '; …' : ''}`}</Text>
              )}
              {text.repair !== null ? (
                <Text
                  variant="microcopy"
                  testId={`finding-repair-${finding.id}`}
                >{`Repair: ${text.repair}`}</Text>
              ) : (
                <Flex gap="sm" align="center" wrap>
                  <Text
                    variant="microcopy"
                    testId={`finding-todo-${finding.id}`}
                  >{`No automatic repair. What to do: ${text.todo}`}</Text>
                  {uuid && (
                    <Button
                      size="xs"
                      variant="secondary"
                      onClick={() => environment.navigate({ tab: 'families', goal: uuid })}
                      testId={`fix-in-goal-${finding.id}`}
                    >
                      Open the goal to fix it
                    </Button>
                  )}
                </Flex>
              )}
              {canRepair(finding) && repairing !== finding.id && (
                <Button size="xs" onClick={() => setRepairing(finding.id)} testId={`repair-${finding.id}`}>
                  Repair…
                </Button>
              )}
              {finding.repair !== null && !environment.canEdit && (
                <Text variant="microcopy">Repairing needs editing rights.</Text>
              )}
              {repairing === finding.id && uuid && (
                <RepairFinding
                  uuid={uuid}
                  finding={finding}
                  environment={environment}
                  onDone={(_, findings) => {
                    setRepairing(null);
                    if (findings) onFindings(uuid, findings);
                  }}
                />
              )}
            </Flex>
          );
        })}
      </Flex>
    </Tile>
  );
}
