import {
  adminPanelUrl,
  createFunctionsClient,
  FormatProvider,
  identityFromContext,
  resolveLocale,
  usePortalOptions,
  withJournalWarnings,
} from '@goal-families/ui';
import { Flex, hubspot } from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';
import { FamiliesSection } from './components/FamiliesSection';
import { ScopePicker } from './components/ScopePicker';
import { useScopeAssignee } from './hooks/useScopeAssignee';
import type { CardProps } from './types/card';
import { scopeFromKey } from './utils/scope';

hubspot.extend<'crm.record.sidebar'>(({ context, actions }) => (
  <GoalFamiliesCard context={context} actions={actions} />
));

const systemClock = () => new Date();

/**
 * The sidebar card: the goals of the record's owner, the viewer, or one of the viewer's teams. The
 * settings (currency, what the viewer may do) arrive with the goals in one call (`FamiliesSection`);
 * the portal's labels load beside it and replace the built-in ones when they come.
 */
export function GoalFamiliesCard({ context, actions, client, now = systemClock }: CardProps) {
  const api = useMemo(
    () =>
      withJournalWarnings(client ?? createFunctionsClient(identityFromContext(context)), actions.addAlert),
    [client, context, actions],
  );
  const teams = context.user.teams ?? [];
  const [scopeKey, setScopeKey] = useState('recordOwner');
  const scope = scopeFromKey(scopeKey, teams);
  const options = usePortalOptions(api);
  const assignee = useScopeAssignee(scope, actions, api, {
    userId: String(context.user.id),
    email: context.user.email ?? '',
  });
  const appId = context.extension?.appId;
  const format = {
    locale: resolveLocale(context.user.locale),
    goalTypes: options.goalTypes,
    milestones: options.milestones,
    pipelines: options.pipelines,
  };

  return (
    <FormatProvider settings={format}>
      <Flex direction="column" gap="sm">
        <ScopePicker value={scopeKey} teams={teams} onChange={setScopeKey} />
        <FamiliesSection
          scope={scope}
          assignee={assignee}
          format={format}
          environment={{
            client: api,
            actions,
            portalTimeZone: context.portal.timezone,
            now,
            adminPanelUrl: appId === undefined ? null : adminPanelUrl(context.portal.id, appId),
          }}
        />
      </Flex>
    </FormatProvider>
  );
}
