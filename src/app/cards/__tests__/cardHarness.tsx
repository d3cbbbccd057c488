import type { CrmContext } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { vi } from 'vitest';
import { GoalFamiliesCard } from '../GoalFamiliesCard';
import type { CardActions } from '../types/card';
import { fakeClient, type Handlers } from './fixtures';

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

/** Renders the card with an injected client (the settings come with the families: `listOf`). */
export function renderCard(
  handlers: Handlers,
  options: { ownerId?: string | null; context?: CrmContext } = {},
) {
  const fake = fakeClient(handlers);
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
