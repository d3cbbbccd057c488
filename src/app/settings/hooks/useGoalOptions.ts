import type { FunctionsClient } from '@goal-families/ui';
import { useRemoteResult } from '@goal-families/ui';

/**
 * ASSUMPTION (unverified): HubSpot documents only `sales_quota` as a goal type; the full list comes
 * from the `hs_goal_type` property's options via `goal_property_options`. This is what the form offers
 * when that call fails.
 */
export const FALLBACK_GOAL_TYPES = [{ value: 'sales_quota', label: 'Sales quota' }];

export const MILESTONE_OPTIONS = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'annual', label: 'Annual' },
  { value: 'weekly', label: 'Weekly' },
];

export interface GoalOptions {
  goalTypes: { value: string; label: string }[];
  pipelines: { value: string; label: string }[];
  /** True when HubSpot's own option lists could not be read. */
  fallback: boolean;
}

export function useGoalOptions(client: FunctionsClient): GoalOptions {
  const { state } = useRemoteResult(() => client.call('goal_property_options', {}), 'goal-options');
  if (state.status !== 'success' || state.data.goalTypes.length === 0) {
    return { goalTypes: FALLBACK_GOAL_TYPES, pipelines: [], fallback: state.status !== 'loading' };
  }
  return {
    goalTypes: state.data.goalTypes,
    pipelines: state.data.pipelines.map((p) => ({ value: p.id, label: p.label })),
    fallback: false,
  };
}
