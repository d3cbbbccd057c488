import { useMemo } from 'react';
import type { Option } from './format';
import type { FunctionsClient } from './functionsClient';
import { useRemoteResult } from './useRemoteResult';

export interface PortalOptions {
  status: 'loading' | 'error' | 'ready';
  /** The portal's goal types with its own labels ("Revenue", "Meetings booked"). */
  goalTypes: Option[];
  milestones: Option[];
  pipelines: Option[];
  /** The portal's currency codes, its company currency first; empty when not known. */
  currencies: string[];
}

const NONE: Option[] = [];
const NO_CODES: string[] = [];

/**
 * The portal's option labels (`goal_property_options`): goal types, period lengths and deal pipelines,
 * so that no screen shows `sales_quota` or a pipeline id. Empty while loading or when HubSpot fails;
 * `useFormat` then falls back to readable words.
 */
export function usePortalOptions(client: FunctionsClient): PortalOptions {
  const { state } = useRemoteResult(() => client.call('goal_property_options', {}), 'portal-options');
  return useMemo<PortalOptions>(() => {
    if (state.status !== 'success')
      return {
        status: state.status,
        goalTypes: NONE,
        milestones: NONE,
        pipelines: NONE,
        currencies: NO_CODES,
      };
    return {
      status: 'ready',
      goalTypes: state.data.goalTypes,
      milestones: state.data.milestones,
      pipelines: state.data.pipelines.map((p) => ({ value: p.id, label: p.label })),
      currencies: (state.data.currencies ?? []).map((c) => c.code),
    };
  }, [state]);
}
