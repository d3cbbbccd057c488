import { amountSanity, ErrorNotice, needsConfirmation, useFormat } from '@goal-families/ui';
import {
  Alert,
  Button,
  Checkbox,
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
import { useCsvWords } from './useCsvWords';

const MAX_ERRORS_SHOWN = 20;

/** F13 import: paste → check (pure, exact) → every changed cell → apply per assignee. */
export function CsvImport({ family, environment, goal, onApplied, onCancel }: FamilyActionProps) {
  const format = useFormat();
  const words = useCsvWords(family, goal);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<ScheduleImport | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [notify, setNotify] = useState(false);
  const importer = useCsvImportApply(environment.client, family.uuid, notify);
  const edit = (value: string) => {
    setText(value);
    setChecked(null);
    setConfirmed(false);
    importer.reset();
  };
  const run = async () => {
    if (!checked?.ok) return;
    const ok = await importer.apply(checked.groups);
    if (ok)
      onApplied(
        `Imported ${format.count(checked.changes.length, 'changed amount')} for ${format.count(checked.groups.length, 'assignee')}.`,
      );
  };
  const state = importer.state;
  const unusual = checked?.ok
    ? checked.changes.filter((c) => needsConfirmation(amountSanity(c.after, c.before)))
    : [];
  const blocked = unusual.length > 0 && !confirmed;

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
      <Flex gap="sm" align="center">
        <Button
          variant="secondary"
          disabled={text.trim() === ''}
          onClick={() => setChecked(parseScheduleCsv(text, family, words))}
          testId="csv-check"
        >
          Check the file
        </Button>
        <Button variant="transparent" onClick={() => onCancel()}>
          Cancel
        </Button>
        {text.trim() === '' && <Text variant="microcopy">Paste the file first.</Text>}
      </Flex>
      {checked && !checked.ok && (
        <Alert title="The file cannot be imported" variant="error" testId="csv-errors">
          {checked.errors.slice(0, MAX_ERRORS_SHOWN).map((error) => (
            <Text key={error}>{`• ${error}`}</Text>
          ))}
          {checked.errors.length > MAX_ERRORS_SHOWN && (
            <Text>{`…and ${format.integer(checked.errors.length - MAX_ERRORS_SHOWN)} more.`}</Text>
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
            {`${format.count(checked.changes.length, 'amount')} change for ${format.count(checked.groups.length, 'assignee')}.`}
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
                  <TableCell align="right">{format.amount(change.before, goal)}</TableCell>
                  <TableCell align="right">{format.amount(change.after, goal)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {unusual.length > 0 && (
            <Alert title="Are these amounts right?" variant="warning" testId="csv-unusual">
              <Text>
                {`${format.count(unusual.length, 'amount')} ${unusual.length === 1 ? 'is' : 'are'} 10 times above or below the current target (${unusual
                  .slice(0, 3)
                  .map((c) => `${c.assignee}, ${c.period}: ${format.amount(c.after, goal)}`)
                  .join('; ')}${unusual.length > 3 ? '; …' : ''}).`}
              </Text>
              <Checkbox
                name="csv-confirm"
                checked={confirmed}
                onChange={(c) => setConfirmed(c)}
                testId="csv-confirm"
              >
                Yes, import these amounts
              </Checkbox>
            </Alert>
          )}
          <Checkbox
            name="csv-notify"
            checked={notify}
            onChange={(c) => setNotify(c)}
            testId="notify-checkbox"
          >
            Notify the assignees
          </Checkbox>
          {state.step === 'running' && (
            <ProgressBar
              title={`Applying ${state.current}…`}
              value={state.done}
              maxValue={state.total}
              valueDescription={`${format.integer(state.done)} of ${format.count(state.total, 'assignee')}`}
            />
          )}
          {state.step === 'failed' && (
            <Flex direction="column" gap="xs">
              <ErrorNotice error={state.error} />
              <Text testId="csv-partial">
                {`${format.integer(state.done)} of ${format.count(state.total, 'assignee')} were imported before ${state.assignee}; nothing after that was changed. Export again to see the goal as it is now.`}
              </Text>
            </Flex>
          )}
          {state.step !== 'done' && (
            <Flex gap="sm" align="center">
              <LoadingButton
                loading={state.step === 'running'}
                disabled={state.step === 'running' || state.step === 'failed' || blocked}
                onClick={() => run()}
                testId="csv-apply"
              >
                {`Import ${format.count(checked.changes.length, 'change')}`}
              </LoadingButton>
              {blocked && <Text variant="microcopy">Confirm the unusual amounts first.</Text>}
            </Flex>
          )}
        </Flex>
      )}
    </Flex>
  );
}
