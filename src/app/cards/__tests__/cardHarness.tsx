import type { CrmContext } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { vi } from 'vitest';
import { GoalFamiliesCard } from '../GoalFamiliesCard';
import type { CardActions } from '../types/card';
import { fakeClient, type Handlers, ok } from './fixtures';

export const NOW = new Date('2026-03-15T12:00:00.000Z');

export function cardContext(overrides: Partial<CrmContext['user']> = {}): CrmContext {
  return {
    location: 'crm.record.sidebar',
    user: {
      id: 42,
      emails: ['viewer@example.com'],
      email: 'viewer@example.com',
      firstName: 'Vera',
      lastName: 'Viewer',
      roles: [],
      teams: [{ id: 9, name: 'West', teammates: [] }],
      permissions: [],
      ...overrides,
    },
    portal: { id: 123456, timezone: 'UTC' },
    crm: { objectId: 1001, objectTypeId: '0-3' },
  };
}

export function cardActions(
  ownerId: string | null = '77',
): CardActions & { [K in keyof CardActions]: ReturnType<typeof vi.fn> } {
  return {
    addAlert: vi.fn(),
    reloadPage: vi.fn(),
    fetchCrmObjectProperties: vi.fn(async () => (ownerId === null ? {} : { hubspot_owner_id: ownerId })),
    openIframeModal: vi.fn(),
    refreshObjectProperties: vi.fn(),
    onCrmPropertiesUpdate: vi.fn(),
    closeOverlay: vi.fn(),
    copyTextToClipboard: vi.fn(async () => undefined),
    navigateToPage: vi.fn(),
  } as never;
}

/** The portal's labels, as HubSpot words them (not the internal values). */
export const portalOptions = () =>
  ok('goal_property_options', {
    goalTypes: [
      { value: 'sales_quota', label: 'Revenue' },
      { value: 'meetings_booked', label: 'Meetings booked' },
    ],
    milestones: [
      { value: 'monthly', label: 'Monthly' },
      { value: 'quarterly', label: 'Quarterly' },
    ],
    pipelines: [{ id: 'default', label: 'Sales pipeline' }],
    currencies: [{ code: 'USD', company: true }],
  });

/** Owners and teams of the portal: names for people the card mentions. */
export const directory = () =>
  ok('owners_and_teams_list', {
    owners: [
      { id: '77', userId: '1', name: 'Olivia Owner', email: 'olivia@example.com' },
      { id: '88', userId: '42', name: 'Vera Viewer', email: 'viewer@example.com' },
      { id: '99', userId: '7', name: 'Erin Editor', email: 'erin@example.com' },
    ],
    teams: [{ id: '9', name: 'West' }],
  });

/**
 * Renders the card with an injected client. The settings come with the goals (`app` of the card view):
 * the card never calls `app_settings_get`, so no default answers it.
 */
export function renderCard(
  handlers: Handlers,
  options: { ownerId?: string | null; context?: CrmContext } = {},
) {
  const fake = fakeClient({
    goal_property_options: () => portalOptions(),
    owners_and_teams_list: () => directory(),
    ...handlers,
  });
  const actions = cardActions(options.ownerId === undefined ? '77' : options.ownerId);
  const renderer = createRenderer('crm.record.sidebar');
  renderer.render(
    <GoalFamiliesCard
      context={options.context ?? cardContext()}
      actions={actions}
      client={fake.client}
      now={() => NOW}
    />,
  );
  return { ...renderer, ...fake, actions };
}
