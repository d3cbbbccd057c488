import type { FamilyDto } from '@goal-families/contract';
import { ErrorNotice, useRemoteResult } from '@goal-families/ui';
import { Alert, Button, ErrorState, Flex, Heading, LoadingSpinner, Tag, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { DirectoryView } from '../../hooks/useDirectory';
import type { PageEnvironment } from '../../types/page';
import { ArchiveFamily } from './ArchiveFamily';
import { ArchiveSlice } from './ArchiveSlice';
import { CloneFamily } from './CloneFamily';
import { CsvExport } from './CsvExport';
import { CsvImport } from './CsvImport';
import { FamilyEditForm } from './FamilyEditForm';
import { HealthStatus } from './HealthStatus';
import { ScheduleTable } from './ScheduleTable';

type Mode = 'none' | 'edit' | 'archive' | 'archiveSlice' | 'clone' | 'export' | 'import';

interface FamilyDetailProps {
  uuid: string;
  environment: PageEnvironment;
  directory: DirectoryView;
  goalTypes: { value: string; label: string }[];
  pipelines: { value: string; label: string }[];
  onBack: () => void;
  /** The family changed: the list behind it must reload. */
  onChanged: () => void;
  onOpen: (uuid: string) => void;
}

export interface FamilyActionProps {
  family: FamilyDto;
  environment: PageEnvironment;
  assigneeLabel: (group: FamilyDto['groups'][number]) => string;
  /** A change was applied: say so (`summary`), close the action and reload. */
  onApplied: (summary: string) => void;
  onCancel: () => void;
}

const ACTIONS: { mode: Mode; label: string; edits: boolean }[] = [
  { mode: 'edit', label: 'Edit goal', edits: true },
  { mode: 'clone', label: 'Copy to next year', edits: true },
  { mode: 'export', label: 'Export CSV', edits: false },
  { mode: 'import', label: 'Import CSV', edits: true },
  { mode: 'archiveSlice', label: 'Archive one slice', edits: true },
  { mode: 'archive', label: 'Archive', edits: true },
];

/** One family in full: its schedule per assignee, findings, and the family-wide actions. */
export function FamilyDetail(props: FamilyDetailProps) {
  const { uuid, environment, directory } = props;
  const [generation, setGeneration] = useState(0);
  const [mode, setMode] = useState<Mode>('none');
  const { state } = useRemoteResult(
    () => environment.client.call('goal_family_get', { uuid }),
    `${uuid}:${generation}`,
  );

  const assigneeLabel = (group: FamilyDto['groups'][number]) => {
    const a = group.assignee;
    if (!a) return 'No assignee';
    const name = a.name ?? (a.kind === 'team' ? directory.teamName(a.id) : directory.ownerName(a.id));
    return a.kind === 'team' ? `${name} (team)` : name;
  };
  const back = (
    <Button variant="transparent" onClick={() => props.onBack()} testId="back-to-list">
      ← All goals
    </Button>
  );

  if (state.status === 'loading')
    return <LoadingSpinner label="Loading the goal…" layout="centered" testId="family-loading" />;
  if (state.status === 'error') {
    return (
      <Flex direction="column" gap="sm">
        {back}
        <ErrorState title="The goal could not be loaded" testId="family-error">
          <ErrorNotice error={state.error} />
        </ErrorState>
      </Flex>
    );
  }

  const family = state.data.family;
  const onApplied = (summary: string, after: 'reload' | 'leave' = 'reload') => {
    environment.actions.addAlert({ type: 'success', title: `${family.name}: done`, message: summary });
    setMode('none');
    props.onChanged();
    if (after === 'leave') props.onBack();
    else setGeneration((g) => g + 1);
  };
  const actionProps: FamilyActionProps = {
    family,
    environment,
    assigneeLabel,
    onApplied: (summary) => onApplied(summary),
    onCancel: () => setMode('none'),
  };

  return (
    <Flex direction="column" gap="md" testId="family-detail">
      {back}
      <Flex gap="sm" align="center" wrap>
        <Heading>{family.name}</Heading>
        <Tag variant="info">{family.goalType}</Tag>
        <Tag>{family.milestone}</Tag>
        <HealthStatus healthy={family.healthy} findingCount={family.findings.length} />
      </Flex>
      <Text variant="microcopy">{`${family.groups.length} assignee${family.groups.length === 1 ? '' : 's'} · ${family.sliceCount} slices · pipelines: ${family.pipelineIds.join(', ') || 'all'} · id ${family.uuid}`}</Text>
      {family.findings.length > 0 && (
        <Alert
          title={family.healthy ? 'The health check warns about this goal' : 'This goal needs repair'}
          variant={family.healthy ? 'warning' : 'danger'}
          testId="family-findings"
        >
          {family.findings.map((finding) => (
            <Text key={finding.id}>{`• ${finding.message}`}</Text>
          ))}
          <Text>Repair it from the Health tab.</Text>
        </Alert>
      )}
      <ScheduleTable family={family} currency={environment.currency} assigneeLabel={assigneeLabel} />
      <Flex gap="sm" wrap>
        {ACTIONS.filter((a) => environment.canEdit || !a.edits).map((action) => (
          <Button
            key={action.mode}
            size="sm"
            variant={
              mode === action.mode ? 'primary' : action.mode === 'archive' ? 'destructive' : 'secondary'
            }
            onClick={() => setMode(mode === action.mode ? 'none' : action.mode)}
            testId={`action-${action.mode}`}
          >
            {action.label}
          </Button>
        ))}
      </Flex>
      {mode === 'edit' && (
        <FamilyEditForm {...actionProps} goalTypes={props.goalTypes} pipelines={props.pipelines} />
      )}
      {mode === 'archive' && (
        <ArchiveFamily {...actionProps} onApplied={(summary) => onApplied(summary, 'leave')} />
      )}
      {mode === 'archiveSlice' && <ArchiveSlice {...actionProps} />}
      {mode === 'clone' && <CloneFamily {...actionProps} onOpen={props.onOpen} />}
      {mode === 'export' && <CsvExport {...actionProps} />}
      {mode === 'import' && <CsvImport {...actionProps} />}
    </Flex>
  );
}
