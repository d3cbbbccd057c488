import type { FindingDto } from '@goal-families/contract';
import { Button, Flex, Heading, StatusTag, Text, Tile } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PageEnvironment } from '../../types/page';
import type { FamilyFindings } from '../../utils/groupFindings';
import { RepairFinding } from './RepairFinding';

const SEVERITY_TAG = { error: 'danger', warning: 'warning', info: 'info' } as const;

interface FamilyFindingsTileProps {
  group: FamilyFindings;
  environment: PageEnvironment;
  /** The family's findings after a repair (or after finding one already fixed). */
  onFindings: (familyUuid: string, findings: FindingDto[]) => void;
}

/** One family's findings, worst first, each with its repair. */
export function FamilyFindingsTile({ group, environment, onFindings }: FamilyFindingsTileProps) {
  const [repairing, setRepairing] = useState<string | null>(null);
  const canRepair = (f: FindingDto) => environment.canEdit && f.repair !== null && group.familyUuid !== null;
  return (
    <Tile testId={`findings-${group.familyUuid ?? 'none'}`}>
      <Flex direction="column" gap="sm">
        <Flex gap="sm" align="center">
          <Heading>{group.familyName}</Heading>
          {(['error', 'warning', 'info'] as const)
            .filter((s) => group.counts[s] > 0)
            .map((s) => (
              <StatusTag
                key={s}
                variant={SEVERITY_TAG[s]}
              >{`${group.counts[s]} ${s}${group.counts[s] === 1 ? '' : 's'}`}</StatusTag>
            ))}
        </Flex>
        {group.findings.map((finding) => (
          <Flex key={finding.id} direction="column" gap="xs" testId={`finding-${finding.id}`}>
            <Flex gap="sm" align="center">
              <StatusTag variant={SEVERITY_TAG[finding.severity]}>{finding.severity}</StatusTag>
              <Text>{finding.message}</Text>
            </Flex>
            <Text variant="microcopy">
              {finding.repair
                ? `Repair: ${finding.repair}`
                : 'No automatic repair: fix it in HubSpot or archive the slices.'}
              {finding.sliceIds.length > 0
                ? ` (${finding.sliceIds.length} slice${finding.sliceIds.length === 1 ? '' : 's'})`
                : ''}
            </Text>
            {canRepair(finding) && repairing !== finding.id && (
              <Button size="xs" onClick={() => setRepairing(finding.id)} testId={`repair-${finding.id}`}>
                Repair…
              </Button>
            )}
            {repairing === finding.id && group.familyUuid && (
              <RepairFinding
                uuid={group.familyUuid}
                finding={finding}
                environment={environment}
                onDone={(_, findings) => {
                  setRepairing(null);
                  if (findings && group.familyUuid) onFindings(group.familyUuid, findings);
                }}
              />
            )}
          </Flex>
        ))}
      </Flex>
    </Tile>
  );
}
