import { Tag } from '@hubspot/ui-extensions';

/** Shown only for broken families: HubSpot may be showing this goal twice or not at all. */
export function HealthTag({ healthy, findingCount }: { healthy: boolean; findingCount: number }) {
  if (healthy) return null;
  return (
    <Tag variant="error" testId="health-tag">
      {findingCount > 0
        ? `Needs repair (${findingCount} issue${findingCount === 1 ? '' : 's'})`
        : 'Needs repair'}
    </Tag>
  );
}
