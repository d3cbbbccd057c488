import { StatusTag } from '@hubspot/ui-extensions';

/**
 * A family's health at a glance. `healthy` is false when an error-level finding exists; a family
 * that is "healthy" can still carry warnings (a missing month, a misaligned boundary), which an admin
 * should see too, in amber rather than red.
 */
export function healthLabel({ healthy, findingCount }: { healthy: boolean; findingCount: number }): {
  variant: 'success' | 'warning' | 'danger';
  text: string;
} {
  const plural = findingCount === 1 ? '' : 's';
  if (!healthy) return { variant: 'danger', text: `Needs repair · ${findingCount} problem${plural}` };
  if (findingCount > 0) return { variant: 'warning', text: `${findingCount} warning${plural}` };
  return { variant: 'success', text: 'Healthy' };
}

export function HealthStatus(props: { healthy: boolean; findingCount: number; testId?: string }) {
  const { variant, text } = healthLabel(props);
  return (
    <StatusTag variant={variant} {...(props.testId ? { testId: props.testId } : {})}>
      {text}
    </StatusTag>
  );
}
