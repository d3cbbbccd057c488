import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo.js';
import { type Json, startEmulator } from './test-support.js';

let env: Awaited<ReturnType<typeof startEmulator>>;
let client: Client;

beforeAll(async () => {
  env = await startEmulator();
  client = new Client({ accessToken: env.emulator.token, basePath: env.baseUrl, numberOfApiCallRetries: 1 });
});
afterAll(() => env.emulator.close());

describe('owners', () => {
  it('pages through all owners with limit and after', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.crm.owners.ownersApi.getPage(undefined, after, 10);
      seen.push(...page.results.map((owner) => owner.id));
      after = page.paging?.next?.after;
    } while (after);
    expect(seen.length).toBeGreaterThanOrEqual(40);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('gets one owner with teams, and refuses limit > 500', async () => {
    const admin = await client.crm.owners.ownersApi.getById(Number(DEMO.owners.admin));
    expect(admin).toMatchObject({ id: DEMO.owners.admin, userId: Number(DEMO.users.admin), type: 'PERSON' });
    const manager: Json = (await env.call('GET', `/crm/v3/owners/${DEMO.owners.manager}`)).body;
    expect(manager.teams).toEqual([
      { id: DEMO.teams.northAmericaEnterprise, name: 'North America Enterprise', primary: true },
    ]);
    expect((await env.call('GET', '/crm/v3/owners?limit=501')).status).toBe(400);
    expect((await env.call('GET', '/crm/v3/owners/1')).status).toBe(404);
  });
});

describe('teams and pipelines', () => {
  it('lists 6 teams with their user ids', async () => {
    const teams = await client.settings.users.teamsApi.getAll();
    expect(teams.results).toHaveLength(6);
    expect(teams.results[0]?.userIds).toContain(DEMO.users.manager);
  });

  it('lists 3 deal pipelines with stages', async () => {
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results.map((pipeline) => pipeline.id)).toEqual(Object.values(DEMO.pipelines));
    expect(pipelines.results.every((pipeline) => pipeline.stages.length > 2)).toBe(true);
  });
});

describe('property definitions', () => {
  it('describes goal_targets with read-only flags and the option lists', async () => {
    const properties = await client.crm.properties.coreApi.getAll('goal_targets');
    const byName = new Map(properties.results.map((property) => [property.name, property]));
    expect(byName.get('hs_object_id')?.modificationMetadata?.readOnlyValue).toBe(true);
    expect(byName.get('hs_lastmodifieddate')?.modificationMetadata?.readOnlyValue).toBe(true);
    expect(byName.get('hs_goal_name')?.modificationMetadata?.readOnlyValue).toBe(false);
    expect(byName.get('hs_target_amount')?.type).toBe('number');
    expect(byName.get('hs_start_datetime')?.type).toBe('datetime');
    expect(byName.get('hs_milestone')?.options.map((option) => option.value)).toEqual([
      'weekly',
      'monthly',
      'quarterly',
      'annual',
    ]);
    expect(byName.get('hs_goal_type')?.options.map((option) => option.value)).toContain('sales_quota');
  });
});

describe('users (the user provisioning API)', () => {
  it('answers super-admin status and teams for the demo users, by id or by email', async () => {
    const admin: Json = (await env.call('GET', `/settings/users/2026-03/${DEMO.users.admin}`)).body;
    expect(admin).toMatchObject({ id: DEMO.users.admin, superAdmin: true, roleIds: [] });
    expect(admin.secondaryTeamIds).toEqual([DEMO.teams.northAmericaEnterprise]);
    const manager: Json = (await env.call('GET', `/settings/users/2026-03/${DEMO.users.manager}`)).body;
    expect(manager).toMatchObject({
      superAdmin: false,
      primaryTeamId: DEMO.teams.northAmericaEnterprise,
      secondaryTeamIds: [],
    });
    const byEmail = await env.call('GET', `/settings/users/2026-03/${manager.email}?idProperty=EMAIL`);
    expect((byEmail.body as Json).id).toBe(DEMO.users.manager);
    const v3 = await env.call('GET', `/settings/v3/users/${DEMO.users.repWithoutEditRights}`);
    expect(v3.body).toMatchObject({ superAdmin: false, primaryTeamId: DEMO.teams.northAmericaEnterprise });
    // Exactly one super admin in the demo portal.
    const users: Json[] = [];
    let after: string | undefined;
    do {
      const page: Json = (
        await env.call('GET', `/settings/users/2026-03?limit=20${after ? `&after=${after}` : ''}`)
      ).body;
      users.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    expect(users.filter((u) => u.superAdmin).map((u) => u.id)).toEqual([DEMO.users.admin]);
    expect(users).toHaveLength(env.emulator.store.owners.length);
  });

  it('answers 404 for an id that is not a user, and keeps teams apart from user ids', async () => {
    const unknown = await env.call('GET', '/settings/users/2026-03/12345');
    expect(unknown.status).toBe(404);
    expect((unknown.body as Json).category).toBe('OBJECT_NOT_FOUND');
    expect(((await env.call('GET', '/settings/v3/users/teams')).body as Json).results).toHaveLength(6);
  });
});
