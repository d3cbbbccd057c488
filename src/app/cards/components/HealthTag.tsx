import { Tag } from '@hubspot/ui-extensions';

/** Shown only for goals that need repair: HubSpot may be showing this goal twice or not at all. */
export function HealthTag({ healthy, findingCount }: { healthy: boolean; findingCount: number }) {
  if (healthy) return null;
  return (
    <Tag variant="error" testId="health-tag">
      {findingCount > 0
        ? `Needs repair (${findingCount} problem${findingCount === 1 ? '' : 's'})`
        : 'Needs repair'}
    </Tag>
  );
}
