import {
  createFunctionsClient,
  ErrorNotice,
  FormatProvider,
  identityFromContext,
  NamesProvider,
  newUuid,
  readOnlyText,
  resolveLocale,
  useDirectory,
  useNames,
  usePortalOptions,
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
import type { Destination, PageEnvironment, PageProps } from './types/page';

hubspot.extend<'settings'>(({ context, actions }) => <SettingsPage context={context} actions={actions} />);

export type TabId = Destination['tab'];

const systemClock = () => new Date();

/** The admin panel: every goal of the portal, creation, health, activity, settings. */
export function SettingsPage({
  context,
  actions,
  client,
  now = systemClock,
  newId = () => newUuid(),
}: PageProps) {
  const api = useMemo(() => client ?? createFunctionsClient(identityFromContext(context)), [client, context]);
  const { state, reload } = useRemoteResult(() => api.call('app_settings_get', {}), 'settings');
  // Names and labels are loaded once for every tab.
  const directory = useDirectory(api);
  const options = usePortalOptions(api);
  const [to, setTo] = useState<Destination>({ tab: 'families' });

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
    directory,
    options,
    now,
    newId,
    reloadSettings: reload,
    navigate: setTo,
  };

  return (
    <FormatProvider
      settings={{
        locale: resolveLocale(context.user.locale),
        currency: settings.defaults.currency,
        fiscalYearStartMonth: settings.defaults.fiscalYearStartMonth,
        goalTypes: options.goalTypes,
        milestones: options.milestones,
        pipelines: options.pipelines,
      }}
    >
      <NamesProvider directory={directory}>
        <PageTabs environment={environment} to={to} />
      </NamesProvider>
    </FormatProvider>
  );
}

/** Only the selected tab is mounted, so opening the page costs the settings, names and one list. */
function PageTabs({ environment, to }: { environment: PageEnvironment; to: Destination }) {
  const names = useNames();
  const { canEdit, settings, protection, canChangeEditors } = environment;
  const goal = 'goal' in to ? to.goal : undefined;
  return (
    <Flex direction="column" gap="md">
      <StoreProtectionNotice protection={protection} canChangeEditors={canChangeEditors} />
      {!canEdit && (
        <Alert title="You can look, not change" variant="info" testId="read-only-notice">
          <Text>
            {canChangeEditors
              ? 'You can look at every goal. Super admins are not among the goal editors in the settings: to change goals, switch them on in the Settings tab.'
              : readOnlyText(settings.editors, names)}
          </Text>
        </Alert>
      )}
      <Tabs
        selected={to.tab}
        onSelectedChange={(id: string | number) =>
          environment.navigate({ tab: String(id) as TabId } as Destination)
        }
        testId="page-tabs"
      >
        <Tab tabId="families" title="Goals">
          {to.tab === 'families' && (
            <FamiliesTab key={goal ?? ''} environment={environment} openGoal={goal ?? null} />
          )}
        </Tab>
        <Tab tabId="create" title="Create">
          {to.tab === 'create' && (
            <CreateTab
              environment={environment}
              onCreated={(uuid) => environment.navigate({ tab: 'families', goal: uuid })}
            />
          )}
        </Tab>
        <Tab tabId="health" title="Health">
          {to.tab === 'health' && (
            <HealthTab key={goal ?? ''} environment={environment} goal={goal ?? null} />
          )}
        </Tab>
        <Tab tabId="activity" title="Activity">
          {to.tab === 'activity' && (
            <ActivityTab key={goal ?? ''} environment={environment} goal={goal ?? null} />
          )}
        </Tab>
        <Tab tabId="settings" title="Settings">
          {to.tab === 'settings' && <AppSettingsTab environment={environment} />}
        </Tab>
      </Tabs>
    </Flex>
  );
}
