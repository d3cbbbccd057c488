import type { FamilyDto } from '@goal-families/contract';
import {
  ErrorNotice,
  findingText,
  type GoalContext,
  peopleAndTeams,
  readOnlyText,
  useFormat,
  useNames,
  useRemoteResult,
} from '@goal-families/ui';
import { Alert, Button, ErrorState, Flex, Heading, LoadingSpinner, Tag, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PageEnvironment } from '../../types/page';
import { AddAssignee } from './AddAssignee';
import { ArchiveFamily } from './ArchiveFamily';
import { ArchiveSlice } from './ArchiveSlice';
import { CloneFamily } from './CloneFamily';
import { CsvExport } from './CsvExport';
import { CsvImport } from './CsvImport';
import { FamilyEditForm } from './FamilyEditForm';
import { HealthStatus } from './HealthStatus';
import { RemoveAssignee } from './RemoveAssignee';
import { ScheduleTable } from './ScheduleTable';

type Mode = 'none' | 'edit' | 'add' | 'remove' | 'archive' | 'archiveSlice' | 'clone' | 'export' | 'import';

interface FamilyDetailProps {
  uuid: string;
  environment: PageEnvironment;
  onBack: () => void;
  /** The goal changed: the list behind it must reload. */
  onChanged: () => void;
  onOpen: (uuid: string) => void;
}

export interface FamilyActionProps {
  family: FamilyDto;
  environment: PageEnvironment;
  /** How the goal's amounts, periods and targets read in previews. */
  goal: GoalContext;
  /** A change was applied: say so (`summary`), close the action and reload. */
  onApplied: (summary: string) => void;
  onCancel: () => void;
}

const ACTIONS: { mode: Mode; label: string; edits: boolean }[] = [
  { mode: 'edit', label: 'Edit goal', edits: true },
  { mode: 'add', label: 'Add assignee', edits: true },
  { mode: 'remove', label: 'Remove assignee', edits: true },
  { mode: 'clone', label: 'Copy to a later year', edits: true },
  { mode: 'export', label: 'Export CSV', edits: false },
  { mode: 'import', label: 'Import CSV', edits: true },
  { mode: 'archiveSlice', label: 'Archive one target', edits: true },
  { mode: 'archive', label: 'Archive goal', edits: true },
];

/** The goal as the previews describe it: its own zone, period length and targets. */
export function goalContextOf(family: FamilyDto): GoalContext {
  return {
    name: family.name,
    goalType: family.goalType,
    milestone: family.milestone,
    timeZone: family.convention.timeZone,
    groups: family.groups,
  };
}

/** One goal in full: its targets per assignee, its problems, and the goal-wide actions. */
export function FamilyDetail(props: FamilyDetailProps) {
  const { uuid, environment } = props;
  const format = useFormat();
  const names = useNames();
  const [generation, setGeneration] = useState(0);
  const [mode, setMode] = useState<Mode>('none');
  const { state } = useRemoteResult(
    () => environment.client.call('goal_family_get', { uuid }),
    `${uuid}:${generation}`,
  );

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
  const goal = goalContextOf(family);
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
    goal,
    onApplied: (summary) => onApplied(summary),
    onCancel: () => setMode('none'),
  };
  const copyId = async () => {
    try {
      await environment.actions.copyTextToClipboard(family.uuid);
      environment.actions.addAlert({
        type: 'success',
        message: 'The goal’s id is on your clipboard (for HubSpot support).',
      });
    } catch {
      environment.actions.addAlert({ type: 'warning', message: 'The id could not be copied.' });
    }
  };
  const people = peopleAndTeams(
    family.groups.map((g) => g.assignee),
    format,
  );

  return (
    <Flex direction="column" gap="md" testId="family-detail">
      {back}
      <Flex gap="sm" align="center" wrap>
        <Heading>{family.name}</Heading>
        <Tag variant="info">{format.goalType(family.goalType)}</Tag>
        <Tag>{format.milestone(family.milestone)}</Tag>
        <HealthStatus healthy={family.healthy} findingCount={family.findings.length} testId="family-health" />
      </Flex>
      <Text variant="microcopy" testId="family-facts">
        {[
          `${people} · ${format.count(family.sliceCount, 'target')}`,
          format.span(family.periodStart, family.periodEnd, goal.timeZone),
          format.pipelineNames(family.pipelineIds),
          `Periods in ${goal.timeZone} time`,
        ].join(' · ')}
      </Text>
      {family.findings.length > 0 && (
        <Alert
          title={family.healthy ? 'The health check warns about this goal' : 'This goal needs repair'}
          variant={family.healthy ? 'warning' : 'danger'}
          testId="family-findings"
        >
          {family.findings.map((finding) => (
            <Text key={finding.id}>{`• ${findingText(finding, format, names).message}`}</Text>
          ))}
          <Button
            size="xs"
            variant="secondary"
            onClick={() => environment.navigate({ tab: 'health', goal: family.uuid })}
            testId="open-findings"
          >
            {family.findings.length === 1
              ? 'See the problem and its repair'
              : 'See the problems and their repairs'}
          </Button>
        </Alert>
      )}
      <ScheduleTable family={family} goal={goal} />
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
        <Button
          size="sm"
          variant="transparent"
          onClick={() => environment.navigate({ tab: 'activity', goal: family.uuid })}
          testId="action-activity"
        >
          Activity
        </Button>
        <Button size="sm" variant="transparent" onClick={() => copyId()} testId="copy-id">
          Copy id
        </Button>
      </Flex>
      {!environment.canEdit && (
        <Text variant="microcopy" testId="detail-read-only">
          {readOnlyText(environment.settings.editors, names)}
        </Text>
      )}
      {mode === 'edit' && <FamilyEditForm {...actionProps} />}
      {mode === 'add' && <AddAssignee {...actionProps} />}
      {mode === 'remove' && <RemoveAssignee {...actionProps} />}
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
