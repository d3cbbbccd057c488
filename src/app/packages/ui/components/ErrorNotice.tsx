import type { AppError } from '@goal-families/contract';
import { Alert, Text } from '@hubspot/ui-extensions';
import { explainError } from '../explainError';

/** An app function failure in plain words, with what to do next. */
export function ErrorNotice({ error, testId }: { error: AppError; testId?: string }) {
  const explanation = explainError(error);
  return (
    <Alert title={explanation.title} variant={explanation.variant} testId={testId ?? `error-${error.code}`}>
      <Text>{explanation.what}</Text>
      {explanation.specifics.map((line) => (
        <Text key={line} variant="microcopy">
          • {line}
        </Text>
      ))}
      <Text format={{ fontWeight: 'demibold' }}>{explanation.next}</Text>
    </Alert>
  );
}
