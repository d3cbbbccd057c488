import {
  adminPanelUrl,
  createFunctionsClient,
  FormatProvider,
  identityFromContext,
  NamesProvider,
  resolveLocale,
  useDirectory,
  usePortalOptions,
  withJournalWarnings,
} from '@goal-families/ui';
import { Flex, hubspot } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import { FamiliesSection } from './components/FamiliesSection';
import { ScopePicker } from './components/ScopePicker';
import { useCardSettings } from './hooks/useCardSettings';
import { useScopeAssignee } from './hooks/useScopeAssignee';
import type { CardProps } from './types/card';
import { scopeFromKey } from './utils/scope';

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => (
  <GoalFamiliesCard context={context} actions={actions} />
));

const systemClock = () => new Date();

/** The sidebar card: the goals of the record's owner, the viewer, or one of the viewer's teams. */
export function GoalFamiliesCard({ context, actions, client, now = systemClock }: CardProps) {
  const api = useMemo(
    () =>
      withJournalWarnings(client ?? createFunctionsClient(identityFromContext(context)), actions.addAlert),
    [client, context, actions],
  );
  const teams = context.user.teams ?? [];
  const [scopeKey, setScopeKey] = useState('recordOwner');
  const scope = scopeFromKey(scopeKey, teams);
  const { settings, canEdit, loaded } = useCardSettings(api);
  const options = usePortalOptions(api);
  // Names of the editors, for "ask … to add you": only a viewer who cannot edit needs them.
  const directory = useDirectory(api, loaded && !canEdit);
  const assignee = useScopeAssignee(scope, actions, api, {
    userId: String(context.user.id),
    email: context.user.email ?? '',
  });
  const appId = context.extension?.appId;

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
        <Flex direction="column" gap="sm">
          <ScopePicker value={scopeKey} teams={teams} onChange={setScopeKey} />
          <FamiliesSection
            scope={scope}
            assignee={assignee}
            environment={{
              client: api,
              actions,
              settings,
              canEdit,
              timeZone: context.portal.timezone || settings.defaults.timeZone,
              now,
              adminPanelUrl: appId === undefined ? null : adminPanelUrl(context.portal.id, appId),
            }}
          />
        </Flex>
      </NamesProvider>
    </FormatProvider>
  );
}
