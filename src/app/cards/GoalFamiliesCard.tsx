import { createFunctionsClient, identityFromContext } from '@goal-families/ui';
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

/** The sidebar card: the goal families of the record's owner, the viewer, or one of the viewer's teams. */
export function GoalFamiliesCard({ context, actions, client, now = systemClock }: CardProps) {
  const api = useMemo(() => client ?? createFunctionsClient(identityFromContext(context)), [client, context]);
  const teams = context.user.teams ?? [];
  const [scopeKey, setScopeKey] = useState('recordOwner');
  const scope = scopeFromKey(scopeKey, teams);
  const assignee = useScopeAssignee(scope, actions, api, {
    userId: String(context.user.id),
    email: context.user.email ?? '',
  });

  return (
    <Flex direction="column" gap="sm">
      <ScopePicker value={scopeKey} teams={teams} onChange={setScopeKey} />
      <FamiliesSection
        scope={scope}
        assignee={assignee}
        environment={{ client: api, actions, portalTimeZone: context.portal.timezone, now }}
      />
    </Flex>
  );
}
