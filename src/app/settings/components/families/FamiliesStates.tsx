import type { AppError } from '@goal-families/contract';
import { ErrorNotice } from '@goal-families/ui';
import { EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';

export function FamiliesLoading() {
  return <LoadingSpinner label="Loading goals…" layout="centered" testId="families-loading" />;
}

export function FamiliesError({ error }: { error: AppError }) {
  return (
    <ErrorState title="The goals could not be loaded" testId="families-error">
      <ErrorNotice error={error} />
    </ErrorState>
  );
}

export function FamiliesEmpty({ filtered }: { filtered: boolean }) {
  return (
    <EmptyState title="No goals found" layout="vertical" imageName="target" testId="families-empty">
      <Text>
        {filtered
          ? 'No goal matches these filters.'
          : 'This portal has no goals yet. Create one in the Create tab.'}
      </Text>
    </EmptyState>
  );
}
