import { ErrorNotice, formatGoalAmount } from '@goal-families/ui';
import {
  Alert,
  Button,
  Flex,
  LoadingButton,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import { useCsvImportApply } from '../../hooks/useCsvImportApply';
import { parseScheduleCsv, type ScheduleImport } from '../../utils/scheduleCsv';
import type { FamilyActionProps } from './FamilyDetail';

const MAX_ERRORS_SHOWN = 20;

/** F13 import: paste → check (pure, exact) → preview of every changed cell → apply per schedule. */
export function CsvImport({ family, environment, assigneeLabel, onApplied, onCancel }: FamilyActionProps) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<ScheduleImport | null>(null);
  const importer = useCsvImportApply(environment.client, family.uuid);
  const currency = environment.currency;
  const edit = (value: string) => {
    setText(value);
    setChecked(null);
    importer.reset();
  };
  const run = async () => {
    if (!checked?.ok) return;
    const ok = await importer.apply(checked.groups);
    if (ok)
      onApplied(
        `Imported ${checked.changes.length} changed amount${checked.changes.length === 1 ? '' : 's'} for ${checked.groups.length} assignee${checked.groups.length === 1 ? '' : 's'}.`,
      );
  };
  const state = importer.state;

  return (
    <Flex direction="column" gap="sm">
      <TextArea
        label="Paste the CSV (export it first, change the amounts, paste it back)"
        name="csv-import"
        value={text}
        rows={8}
        onInput={edit}
        onChange={edit}
        testId="csv-import"
      />
      <Flex gap="sm">
        <Button
          variant="secondary"
          disabled={text.trim() === ''}
          onClick={() => setChecked(parseScheduleCsv(text, family, assigneeLabel))}
          testId="csv-check"
        >
          Check the file
        </Button>
        <Button variant="transparent" onClick={() => onCancel()}>
          Cancel
        </Button>
      </Flex>
      {checked && !checked.ok && (
        <Alert title="The file cannot be imported" variant="error" testId="csv-errors">
          {checked.errors.slice(0, MAX_ERRORS_SHOWN).map((error) => (
            <Text key={error}>{`• ${error}`}</Text>
          ))}
          {checked.errors.length > MAX_ERRORS_SHOWN && (
            <Text>{`…and ${checked.errors.length - MAX_ERRORS_SHOWN} more.`}</Text>
          )}
          <Text>Nothing was changed.</Text>
        </Alert>
      )}
      {checked?.ok && checked.changes.length === 0 && (
        <Text testId="csv-nothing">The file matches the goal: nothing to change.</Text>
      )}
      {checked?.ok && checked.changes.length > 0 && (
        <Flex direction="column" gap="sm">
          <Text format={{ fontWeight: 'demibold' }} testId="csv-summary">
            {`${checked.changes.length} amount${checked.changes.length === 1 ? '' : 's'} change for ${checked.groups.length} assignee${checked.groups.length === 1 ? '' : 's'}.`}
          </Text>
          {checked.rowsMissing.length > 0 && (
            <Text variant="microcopy">{`Not in the file, left as they are: ${checked.rowsMissing.join(', ')}.`}</Text>
          )}
          <Table bordered testId="csv-changes">
            <TableHead>
              <TableRow>
                <TableHeader>Assignee</TableHeader>
                <TableHeader>Period</TableHeader>
                <TableHeader align="right">Before</TableHeader>
                <TableHeader align="right">After</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {checked.changes.map((change) => (
                <TableRow key={change.sliceId}>
                  <TableCell>{change.assignee}</TableCell>
                  <TableCell>{change.period}</TableCell>
                  <TableCell align="right">
                    {formatGoalAmount(change.before, family.goalType, currency)}
                  </TableCell>
                  <TableCell align="right">
                    {formatGoalAmount(change.after, family.goalType, currency)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {state.step === 'running' && (
            <ProgressBar
              title={`Applying ${state.current}…`}
              value={state.done}
              maxValue={state.total}
              valueDescription={`${state.done} of ${state.total} schedules`}
            />
          )}
          {state.step === 'failed' && (
            <Flex direction="column" gap="xs">
              <ErrorNotice error={state.error} />
              <Text testId="csv-partial">
                {`${state.done} of ${state.total} schedules were applied before ${state.assignee}; nothing after it was changed. Export again to see the goal as it is now.`}
              </Text>
            </Flex>
          )}
          {state.step !== 'done' && (
            <LoadingButton
              loading={state.step === 'running'}
              disabled={state.step === 'running' || state.step === 'failed'}
              onClick={() => run()}
              testId="csv-apply"
            >
              {`Apply ${checked.changes.length} change${checked.changes.length === 1 ? '' : 's'}`}
            </LoadingButton>
          )}
        </Flex>
      )}
    </Flex>
  );
}
