import { Button, Flex, TextArea } from '@hubspot/ui-extensions';
import { formatScheduleCsv } from '../../utils/scheduleCsv';
import type { FamilyActionProps } from './FamilyDetail';
import { useCsvWords } from './useCsvWords';

/** F13 export: the grid as CSV text to copy (an extension has no DOM, so no file download). */
export function CsvExport({ family, environment, goal, onCancel }: FamilyActionProps) {
  const words = useCsvWords(family, goal);
  const csv = formatScheduleCsv(family, words);
  const copy = async () => {
    try {
      await environment.actions.copyTextToClipboard(csv);
      environment.actions.addAlert({ type: 'success', message: 'The CSV is on your clipboard.' });
    } catch {
      environment.actions.addAlert({
        type: 'warning',
        message: 'Copying failed: select the text and copy it by hand.',
      });
    }
  };
  return (
    <Flex direction="column" gap="sm">
      <TextArea
        label="The goal’s targets as CSV (one row per assignee, one column per period)"
        name="csv-export"
        value={csv}
        readOnly
        rows={Math.min(20, family.groups.length + 2)}
        resize="both"
        testId="csv-export"
      />
      <Flex gap="sm">
        <Button onClick={() => copy()} testId="csv-copy">
          Copy to clipboard
        </Button>
        <Button variant="transparent" onClick={() => onCancel()}>
          Close
        </Button>
      </Flex>
    </Flex>
  );
}
