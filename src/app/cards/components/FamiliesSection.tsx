import type { Assignee } from '@goal-families/contract';
import { ErrorNotice, useRemoteResult } from '@goal-families/ui';
import { EmptyState, ErrorState, Flex, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { ScopeAssigneeState } from '../hooks/useScopeAssignee';
import type { CardEnvironment, Scope } from '../types/card';
import { DEFAULT_SETTINGS_FALLBACK } from '../utils/defaultSettings';
import { FamilyTile } from './FamilyTile';

/** How many families one call brings; the card shows `settings.card.maxFamilies` of them. */
export const CARD_LIST_LIMIT = 50;

function noAssigneeText(scope: Scope): { title: string; body: string } {
  return scope.kind === 'me'
    ? {
        title: 'You have no goals',
        body: 'Your HubSpot user is not a record owner, so no goals can be assigned to you.',
      }
    : {
        title: 'This record has no owner',
        body: 'Assign an owner to the record to see their goals, or switch to your own goals.',
      };
}

/**
 * What the section needs from the card. The settings (and whether the viewer may edit) arrive with the
 * families in one call, and the list reloads itself after a change.
 */
type SectionEnvironment = Omit<CardEnvironment, 'refresh' | 'settings' | 'canEdit' | 'timeZone'> & {
  /** The portal's time zone from HubSpot's context; the settings' default when it has none. */
  portalTimeZone: string | undefined;
};

interface FamiliesSectionProps {
  scope: Scope;
  assignee: ScopeAssigneeState;
  environment: SectionEnvironment;
}

export function FamiliesSection({ scope, assignee, environment }: FamiliesSectionProps) {
  if (assignee.status === 'loading')
    return <LoadingSpinner label="Loading goals…" layout="centered" testId="card-loading" />;
  if (assignee.status === 'error') return <ErrorNotice error={assignee.error} testId="card-owner-error" />;
  if (!assignee.assignee) {
    const text = noAssigneeText(scope);
    return (
      <EmptyState title={text.title} layout="vertical" imageName="target" testId="card-no-assignee">
        <Text>{text.body}</Text>
      </EmptyState>
    );
  }
  return <FamilyListLoader assignee={assignee.assignee} environment={environment} />;
}

function FamilyListLoader({
  assignee,
  environment,
}: {
  assignee: Assignee;
  environment: SectionEnvironment;
}) {
  const { client, portalTimeZone, ...rest } = environment;
  const filter = assignee.kind === 'team' ? { teamId: assignee.id } : { ownerId: assignee.id };
  // One call for the first paint: the settings come with the families (`view: 'card'`).
  const { state, reload } = useRemoteResult(
    () => client.call('goal_families_list', { filter, view: 'card', limit: CARD_LIST_LIMIT }),
    `${assignee.kind}:${assignee.id}`,
  );

  if (state.status === 'loading')
    return <LoadingSpinner label="Loading goals…" layout="centered" testId="card-loading" />;
  if (state.status === 'error') {
    return (
      <ErrorState title="The goals could not be loaded" testId="card-error">
        <ErrorNotice error={state.error} />
      </ErrorState>
    );
  }
  const { families, total } = state.data;
  const { settings, canEdit } = state.data.app ?? { settings: DEFAULT_SETTINGS_FALLBACK, canEdit: false };
  const tileEnvironment: CardEnvironment = {
    ...rest,
    client,
    settings,
    canEdit,
    timeZone: portalTimeZone || settings.defaults.timeZone,
    refresh: reload,
  };
  if (families.length === 0) {
    return (
      <EmptyState title="No goals yet" layout="vertical" imageName="target" testId="card-empty">
        <Text>No goals for this owner — create one in the app settings.</Text>
      </EmptyState>
    );
  }
  const shown = families.slice(0, settings.card.maxFamilies);
  const hidden = Math.max(total, families.length) - shown.length;
  return (
    <Flex direction="column" gap="md">
      {shown.map((family) => (
        <FamilyTile key={family.uuid} family={family} assignee={assignee} environment={tileEnvironment} />
      ))}
      {hidden > 0 && (
        <Text variant="microcopy" testId="card-more">
          {`${hidden} more goal${hidden === 1 ? '' : 's'} — see all of them in the app settings.`}
        </Text>
      )}
    </Flex>
  );
}
