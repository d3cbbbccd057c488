import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFunction, sliceKey } from './define-function';

const env = { PRIVATE_APP_ACCESS_TOKEN: 't', HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9' };
const params = { caller: { userId: '1' }, portal: { id: '1' } };

afterEach(() => vi.restoreAllMocks());

describe('runFunction', () => {
  it('a use case that throws becomes an INTERNAL_ERROR result (logged), never a throw', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await runFunction('app_settings_get', params, env, async () => {
      throw new Error('bug');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('bad parameters are a VALIDATION_ERROR with zod issues, and the use case never runs', async () => {
    const useCase = vi.fn();
    const result = await runFunction('goal_family_get', { ...params, uuid: 'nope', extra: 1 }, env, useCase);
    expect(useCase).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_ERROR');
    const paths = (result.error.details as { issues: { path: string[] }[] }).issues.map((i) =>
      i.path.join('.'),
    );
    expect(paths).toEqual(expect.arrayContaining(['uuid', '']));
  });

  it('a network failure reaching HubSpot is a HUBSPOT_ERROR result', async () => {
    const result = await runFunction('app_settings_get', params, {
      ...env,
      GOAL_FAMILIES_RETRY_BASE_DELAY_MS: '0',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'HUBSPOT_ERROR', details: { status: 0 } } });
  });

  it('results are plain JSON with the API call count', async () => {
    const result = await runFunction(
      'app_settings_get',
      params,
      env,
      async () => ({ ok: true, when: new Date(0) }) as never,
    );
    expect(result).toEqual({ ok: true, when: '1970-01-01T00:00:00.000Z', meta: { apiCalls: 0 } });
  });

  it('sliceKey ignores how the start instant is spelled', () => {
    expect(sliceKey({ hs_goal_target_group_id: '7', hs_start_datetime: '2026-01-01T00:00:00.000Z' })).toBe(
      sliceKey({ hs_goal_target_group_id: '7', hs_start_datetime: '1767225600000' }),
    );
  });
});
