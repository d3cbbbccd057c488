import { Tag } from '@hubspot/ui-extensions';

/** Shown only for goals that need repair: HubSpot may be showing this goal twice or not at all. */
export function HealthTag(props: { healthy: boolean; findingCount: number; testId: string }) {
  const { healthy, findingCount, testId } = props;
  if (healthy) return null;
  return (
    <Tag variant="error" testId={testId}>
      {findingCount > 0
        ? `Needs repair (${findingCount} problem${findingCount === 1 ? '' : 's'})`
        : 'Needs repair'}
    </Tag>
  );
}
