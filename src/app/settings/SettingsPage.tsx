import {
  createFunctionsClient,
  ErrorNotice,
  identityFromContext,
  newUuid,
  useRemoteResult,
} from '@goal-families/ui';
import {
  Alert,
  Button,
  ErrorState,
  Flex,
  hubspot,
  LoadingSpinner,
  Tab,
  Tabs,
  Text,
} from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import { ActivityTab } from './components/activity/ActivityTab';
import { AppSettingsTab } from './components/config/AppSettingsTab';
import { CreateTab } from './components/create/CreateTab';
import { FamiliesTab } from './components/families/FamiliesTab';
import { HealthTab } from './components/health/HealthTab';
import { StoreProtectionNotice } from './components/protection/StoreProtectionNotice';
import type { PageEnvironment, PageProps } from './types/page';

hubspot.extend<'settings'>(({ context, actions }) => <SettingsPage context={context} actions={actions} />);

export type TabId = 'families' | 'create' | 'health' | 'activity' | 'settings';

const systemClock = () => new Date();

/** The admin configuration panel: every family of the portal, creation, health, activity, settings. */
export function SettingsPage({
  context,
  actions,
  client,
  now = systemClock,
  newId = () => newUuid(),
}: PageProps) {
  const api = useMemo(() => client ?? createFunctionsClient(identityFromContext(context)), [client, context]);
  const { state, reload } = useRemoteResult(() => api.call('app_settings_get', {}), 'settings');
  const [tab, setTab] = useState<TabId>('families');

  if (state.status === 'loading')
    return <LoadingSpinner label="Loading the app settings…" layout="centered" testId="page-loading" />;
  if (state.status === 'error') {
    return (
      <ErrorState title="The app could not be loaded" testId="page-error">
        <ErrorNotice error={state.error} />
        <Button onClick={() => reload()} testId="page-retry">
          Try again
        </Button>
      </ErrorState>
    );
  }

  const { settings, canEdit, canEditSettings, canChangeEditors, version, protection } = state.data;
  const environment: PageEnvironment = {
    client: api,
    actions,
    settings,
    settingsVersion: version,
    canEdit,
    canEditSettings,
    canChangeEditors,
    protection,
    timeZone: settings.defaults.timeZone || context.portal.timezone || 'UTC',
    currency: settings.defaults.currency,
    now,
    newId,
    reloadSettings: reload,
  };

  // Only the selected tab is mounted, so opening the page costs one settings call and one list call.
  return (
    <Flex direction="column" gap="md">
      <StoreProtectionNotice protection={protection} canChangeEditors={canChangeEditors} />
      {!canEdit && (
        <Alert title="Read-only" variant="info" testId="read-only-notice">
          <Text>
            {canChangeEditors
              ? 'You can look at every goal. Super admins are not among the goal editors in the settings: to change goals, switch them on in the Settings tab.'
              : 'You can look at every goal, but changing them needs editing rights. Ask a super admin to add you as an editor.'}
          </Text>
        </Alert>
      )}
      <Tabs
        selected={tab}
        onSelectedChange={(id: string | number) => setTab(String(id) as TabId)}
        testId="page-tabs"
      >
        <Tab tabId="families" title="Families">
          {tab === 'families' && <FamiliesTab environment={environment} />}
        </Tab>
        <Tab
          tabId="create"
          title="Create"
          disabled={!canEdit}
          tooltip={canEdit ? undefined : 'Needs editing rights'}
        >
          {tab === 'create' && <CreateTab environment={environment} onCreated={() => setTab('families')} />}
        </Tab>
        <Tab tabId="health" title="Health">
          {tab === 'health' && <HealthTab environment={environment} />}
        </Tab>
        <Tab tabId="activity" title="Activity">
          {tab === 'activity' && <ActivityTab environment={environment} />}
        </Tab>
        <Tab tabId="settings" title="Settings">
          {tab === 'settings' && <AppSettingsTab environment={environment} />}
        </Tab>
      </Tabs>
    </Flex>
  );
}
