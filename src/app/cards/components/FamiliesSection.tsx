import { type Assignee, DEFAULT_SETTINGS } from '@goal-families/contract';
import {
  ErrorNotice,
  FormatProvider,
  type FormatSettings,
  NamesProvider,
  useDirectory,
  useRemoteResult,
} from '@goal-families/ui';
import { EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { ScopeAssigneeState } from '../hooks/useScopeAssignee';
import type { CardEnvironment, Scope } from '../types/card';
import { FamilyList } from './FamilyList';

/** How many goals one call brings; the card shows `settings.card.maxFamilies` of them at first. */
export const CARD_LIST_LIMIT = 50;

function noAssigneeText(scope: Scope): { title: string; body: string } {
  return scope.kind === 'me'
    ? {
        title: 'You have no goals',
        body: 'Your HubSpot user does not own records, so no goals can be assigned to you.',
      }
    : {
        title: 'This record has no owner',
        body: 'Assign an owner to the record to see their goals, or switch to your own goals.',
      };
}

/**
 * What the section needs from the card. The settings (and whether the viewer may edit) arrive with the
 * goals in one call, and the list reloads itself after a change.
 */
type SectionEnvironment = Omit<CardEnvironment, 'refresh' | 'settings' | 'canEdit' | 'timeZone'> & {
  /** The portal's time zone from HubSpot's context; the settings' default when it has none. */
  portalTimeZone: string | undefined;
};

/** How the card formats, less what the settings decide (currency, fiscal year). */
type CardFormat = Omit<Partial<FormatSettings>, 'currency' | 'fiscalYearStartMonth'>;

interface FamiliesSectionProps {
  scope: Scope;
  assignee: ScopeAssigneeState;
  format: CardFormat;
  environment: SectionEnvironment;
}

export function FamiliesSection({ scope, assignee, format, environment }: FamiliesSectionProps) {
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
  return <FamilyListLoader assignee={assignee.assignee} format={format} environment={environment} />;
}

function FamilyListLoader({
  assignee,
  format,
  environment,
}: {
  assignee: Assignee;
  format: CardFormat;
  environment: SectionEnvironment;
}) {
  const { client, portalTimeZone, ...rest } = environment;
  const filter = assignee.kind === 'team' ? { teamId: assignee.id } : { ownerId: assignee.id };
  // One call for the first paint: the settings come with the goals (`view: 'card'`).
  const { state, reload } = useRemoteResult(
    () => client.call('goal_families_list', { filter, view: 'card', limit: CARD_LIST_LIMIT }),
    `${assignee.kind}:${assignee.id}`,
  );
  const app = state.status === 'success' ? state.data.app : undefined;
  const { settings, canEdit } = app ?? { settings: DEFAULT_SETTINGS, canEdit: false };
  // Names of the editors, for "ask … to add you": only a viewer who cannot edit needs them.
  const directory = useDirectory(client, state.status === 'success' && !canEdit);

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
  if (families.length === 0) {
    return (
      <EmptyState title="No goals yet" layout="vertical" imageName="target" testId="card-empty">
        <Text>
          {canEdit
            ? 'Nobody has set goals for this person yet. Create one in the app settings.'
            : 'Nobody has set goals for this person yet.'}
        </Text>
      </EmptyState>
    );
  }
  return (
    <FormatProvider
      settings={{
        ...format,
        currency: settings.defaults.currency,
        fiscalYearStartMonth: settings.defaults.fiscalYearStartMonth,
      }}
    >
      <NamesProvider directory={directory}>
        <FamilyList
          families={families}
          total={Math.max(total, families.length)}
          assignee={assignee}
          environment={{
            ...rest,
            client,
            settings,
            canEdit,
            timeZone: portalTimeZone || settings.defaults.timeZone,
            refresh: reload,
          }}
        />
      </NamesProvider>
    </FormatProvider>
  );
}
