import { hubspot } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFunctionsClient } from './functionsClient';
import { identityFromContext } from './identity';

const identity = {
  caller: { userId: '42', email: 'v@example.com' },
  portal: { id: '123', timeZone: 'UTC' },
};

afterEach(() => vi.restoreAllMocks());

describe('createFunctionsClient', () => {
  it('calls hubspot.serverless with the uid, adding caller and portal to the parameters', async () => {
    const spy = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValue({ ok: true, settings: {}, canEdit: true, version: null });
    const client = createFunctionsClient(identity);
    const result = await client.call('goal_families_list', { filter: { ownerId: '7' }, detail: 'slices' });
    expect(result.ok).toBe(true);
    expect(spy).toHaveBeenCalledWith('goal_families_list', {
      parameters: { filter: { ownerId: '7' }, detail: 'slices', ...identity },
    });
  });

  it('turns a rejected invocation into an INTERNAL_ERROR result instead of throwing', async () => {
    vi.spyOn(hubspot, 'serverless').mockRejectedValue(new Error('timeout'));
    const result = await createFunctionsClient(identity).call('app_settings_get', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL_ERROR',
        message: 'The app function app_settings_get could not be reached: timeout',
      },
    });
  });

  it.each([[null], ['text'], [{ families: [] }]])(
    'refuses an answer without the envelope: %j',
    async (answer) => {
      const invoke = vi.fn().mockResolvedValue(answer);
      const result = await createFunctionsClient(identity, invoke).call('app_settings_get', {});
      expect(result.ok).toBe(false);
    },
  );

  it('passes typed failures through unchanged', async () => {
    const failure = { ok: false, error: { code: 'CONFLICT', message: 'changed' } };
    const invoke = vi.fn().mockResolvedValue(failure);
    expect(await createFunctionsClient(identity, invoke).call('app_settings_get', {})).toBe(failure);
  });
});

describe('identityFromContext', () => {
  const user = {
    id: 42,
    emails: ['v@example.com'],
    email: 'v@example.com',
    firstName: 'V',
    lastName: 'W',
    roles: [],
    teams: [
      { id: 9, name: 'West', teammates: [] },
      { id: 10, name: 'East', teammates: [] },
    ],
    permissions: [] as 'integrations-management-write'[],
  };
  it('maps the user and portal to the contract shapes: the user id and email, never roles', () => {
    expect(identityFromContext({ user, portal: { id: 123, timezone: 'Europe/Berlin' } })).toEqual({
      caller: { userId: '42', email: 'v@example.com' },
      portal: { id: '123', timeZone: 'Europe/Berlin' },
    });
  });
  it('sends no super-admin claim even for a user who may manage apps (the functions look roles up)', () => {
    const admin = { ...user, permissions: ['integrations-management-write' as const] };
    const identity = identityFromContext({ user: admin, portal: { id: 1, timezone: '' } });
    expect(identity.caller).toEqual({ userId: '42', email: 'v@example.com' });
    expect(identity.portal.timeZone).toBe('UTC');
  });
});
