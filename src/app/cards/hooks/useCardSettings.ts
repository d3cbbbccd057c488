import { DEFAULT_SETTINGS } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useRemoteResult } from '@goal-families/ui';

/**
 * The app settings and whether the viewer may edit. While they load (or if they fail) the card
 * still shows goals, read-only, with the default display options.
 */
export function useCardSettings(client: FunctionsClient) {
  const { state } = useRemoteResult(() => client.call('app_settings_get', {}), 'settings');
  if (state.status === 'success')
    return { settings: state.data.settings, canEdit: state.data.canEdit, loaded: true };
  return { settings: DEFAULT_SETTINGS, canEdit: false, loaded: state.status === 'error' };
}
