import type { Assignee } from '@goal-families/contract';
import { ErrorNotice, useRemoteResult } from '@goal-families/ui';
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

/** The list reloads itself after a change, so callers pass everything but `refresh`. */
type SectionEnvironment = Omit<CardEnvironment, 'refresh'>;

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
  const { client } = environment;
  const filter = assignee.kind === 'team' ? { teamId: assignee.id } : { ownerId: assignee.id };
  const { state, reload } = useRemoteResult(
    () => client.call('goal_families_list', { filter, detail: 'slices', limit: CARD_LIST_LIMIT }),
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
  if (families.length === 0) {
    return (
      <EmptyState title="No goals yet" layout="vertical" imageName="target" testId="card-empty">
        <Text>
          {environment.canEdit
            ? 'Nobody has set goals for this person yet. Create one in the app settings.'
            : 'Nobody has set goals for this person yet.'}
        </Text>
      </EmptyState>
    );
  }
  return (
    <FamilyList
      families={families}
      total={Math.max(total, families.length)}
      assignee={assignee}
      environment={{ ...environment, refresh: reload }}
    />
  );
}
