/** Choices for the forms' selects, labelled the way the portal labels them. */
import type { Format, Option, PortalOptions } from '@goal-families/ui';

/** The period lengths the app can compute periods for. */
export const PERIOD_LENGTHS = ['monthly', 'quarterly', 'annual', 'weekly'] as const;

/** Labelled by the portal's `hs_milestone` option labels (through `format`), else in the app's words. */
export function periodLengthOptions(format: Format): Option[] {
  return PERIOD_LENGTHS.map((value) => ({ value, label: format.milestone(value) }));
}

/**
 * ASSUMPTION (unverified): HubSpot documents only `sales_quota` as a goal type; the full list comes
 * from the `hs_goal_type` property's options via `goal_property_options`. This is what the forms
 * offer while that call has not answered or has failed.
 */
export const FALLBACK_GOAL_TYPES = ['sales_quota'];

/** Goal types with the portal's labels; `current` stays choosable even when the portal lost it. */
export function goalTypeOptions(
  options: Pick<PortalOptions, 'goalTypes'>,
  format: Format,
  current?: string,
): Option[] {
  const values = options.goalTypes.length > 0 ? options.goalTypes.map((t) => t.value) : FALLBACK_GOAL_TYPES;
  const all = current && !values.includes(current) ? [current, ...values] : values;
  return all.map((value) => ({ value, label: format.goalType(value) }));
}

/** Deal pipelines by name; pipelines a goal names that the portal no longer has stay choosable. */
export function pipelineOptions(
  options: Pick<PortalOptions, 'pipelines'>,
  current: readonly string[] = [],
): Option[] {
  return [
    ...current
      .filter((id) => !options.pipelines.some((p) => p.value === id))
      .map((id) => ({ value: id, label: 'A pipeline that no longer exists' })),
    ...options.pipelines,
  ];
}
