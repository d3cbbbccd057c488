/** The fault kinds that pick one call: fail the nth call, lose an answer, kill the caller after a call. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo.js';
import { type Json, startEmulator } from './test-support.js';

let env: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  env = await startEmulator();
});
afterAll(() => env.emulator.close());
beforeEach(() => env.emulator.reset());

const [slice] = DEMO.broken.mixedNames.recordIds;
const id = slice ?? '';
const read = () => env.call('GET', `/crm/v3/objects/goal_targets/${id}?properties=hs_goal_name`);
const rename = (name: string) =>
  env.call('PATCH', `/crm/v3/objects/goal_targets/${id}`, { properties: { hs_goal_name: name } });
const stored = () => env.emulator.store.getObject('goal_targets', id)?.properties.hs_goal_name;
/** A call whose connection drops: fetch rejects. */
const dropped = (call: Promise<unknown>) => expect(call).rejects.toThrow();

describe('call rules', () => {
  it('fails only the nth matching call, with the status and policy asked for, and does nothing', async () => {
    env.emulator.faults.failNth(2, 429, { path: 'goal_targets/{id}', policyName: 'DAILY' });
    expect((await env.call('GET', '/crm/v3/owners')).status).toBe(200);
    expect((await read()).status).toBe(200);
    const second = await rename('Not applied');
    expect(second.status).toBe(429);
    expect((second.body as Json).policyName).toBe('DAILY');
    expect(stored()).not.toBe('Not applied');
    expect((await rename('Applied')).status).toBe(200);
    expect(stored()).toBe('Applied');
    expect(env.emulator.faults.describe().rules).toEqual([]);
  });

  it('answers a 5xx on the nth call of any endpoint', async () => {
    env.emulator.faults.failNth(1, 503);
    expect((await read()).status).toBe(503);
    expect((await read()).status).toBe(200);
  });

  it('loses the answer of the nth call: the write happened, the caller hears nothing', async () => {
    env.emulator.faults.loseAnswerOf(1, 'goal_targets/{id}');
    await dropped(rename('Done in silence'));
    expect(stored()).toBe('Done in silence');
    expect((await read()).status).toBe(200);
  });

  it('fails chosen inputs of the batch call it picks (207), other calls untouched', async () => {
    env.emulator.faults.addRule({ nth: 2, effect: { kind: 'partial', failIndexes: [0] } });
    const ids = env.emulator.store
      .listObjects('goal_targets')
      .filter((r) => r.properties.hs_group_correlation_uuid === DEMO.families.teamQuota2026)
      .map((r) => r.id)
      .slice(0, 3);
    const inputs = ids.map((i) => ({ id: i, properties: { hs_goal_name: 'Batch' } }));
    expect((await env.call('POST', '/crm/v3/objects/goal_targets/batch/update', { inputs })).status).toBe(
      200,
    );
    const second = await env.call('POST', '/crm/v3/objects/goal_targets/batch/update', {
      inputs: inputs.map((i) => ({ ...i, properties: { hs_goal_name: 'Second' } })),
    });
    expect(second.status).toBe(207);
    expect((second.body as Json).errors[0].context.ids).toEqual([ids[0]]);
    expect(env.emulator.store.getObject('goal_targets', ids[0] ?? '')?.properties.hs_goal_name).toBe('Batch');
    expect(env.emulator.store.getObject('goal_targets', ids[1] ?? '')?.properties.hs_goal_name).toBe(
      'Second',
    );
  });

  it('alters the answer of the batch write it picks: shown otherwise or left out, stored only when asked', async () => {
    const ids = env.emulator.store
      .listObjects('goal_targets')
      .filter((r) => r.properties.hs_group_correlation_uuid === DEMO.families.teamQuota2026)
      .map((r) => r.id)
      .slice(0, 3);
    const update = (name: string) =>
      env.call('POST', '/crm/v3/objects/goal_targets/batch/update', {
        inputs: ids.map((i) => ({ id: i, properties: { hs_goal_name: name } })),
      });
    const shown = (answer: { body: unknown }) =>
      ids.map(
        (i) =>
          (answer.body as Json).results.find((r: Json) => r.id === i)?.properties.hs_goal_name ??
          '(left out)',
      );
    const kept = () =>
      ids.map((i) => env.emulator.store.getObject('goal_targets', i)?.properties.hs_goal_name);

    env.emulator.faults.addRule({
      nth: 1,
      path: 'batch/update',
      effect: { kind: 'alter-answer', property: 'hs_goal_name', indexes: [1] },
    });
    const left = await update('Left out');
    expect(left.status).toBe(200);
    expect(shown(left)).toEqual(['Left out', '(left out)', 'Left out']);
    expect(kept()).toEqual(['Left out', 'Left out', 'Left out']);

    env.emulator.faults.addRule({
      nth: 1,
      path: 'batch/update',
      effect: {
        kind: 'alter-answer',
        property: 'hs_goal_name',
        value: 'Not kept',
        indexes: [0],
        stored: true,
      },
    });
    const altered = await update('Sent');
    expect(shown(altered)).toEqual(['Not kept', 'Sent', 'Sent']);
    expect(kept()).toEqual(['Not kept', 'Sent', 'Sent']);

    // Only the call it picked: the next one answers as written.
    expect(shown(await update('Plain'))).toEqual(['Plain', 'Plain', 'Plain']);
  });

  it('counts only after a call matching `after`, and sends Retry-After with a 429', async () => {
    env.emulator.faults.failNth(1, 429, {
      path: 'goal_targets/{id}',
      after: '/crm/v3/owners',
      retryAfterSeconds: 3,
    });
    expect((await read()).status).toBe(200);
    expect((await env.call('GET', '/crm/v3/owners')).status).toBe(200);
    const throttled = await read();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await read()).status).toBe(200);
  });

  it('refuses rules that name no call', () => {
    expect(() => env.emulator.faults.failNth(0, 500)).toThrow(RangeError);
  });
});

describe('killAfter', () => {
  it('does the nth call, loses its answer, then drops every later call undone until cleared', async () => {
    env.emulator.faults.killAfter(2);
    expect((await read()).status).toBe(200);
    await dropped(rename('Last words'));
    expect(stored()).toBe('Last words');
    await dropped(rename('Never'));
    await dropped(env.call('GET', '/crm/v3/owners'));
    expect(stored()).toBe('Last words');
    expect(env.emulator.faults.killed).toBe(true);
    env.emulator.faults.clear();
    expect((await rename('Alive again')).status).toBe(200);
  });

  it('counts only the calls on a path when given one', async () => {
    env.emulator.faults.killAfter(1, 'goal_targets/{id}');
    expect((await env.call('GET', '/crm/v3/owners')).status).toBe(200);
    await dropped(rename('Killed here'));
    expect(stored()).toBe('Killed here');
    await dropped(env.call('GET', '/crm/v3/owners'));
  });

  it('is set and shown through the control API, which a kill never drops', async () => {
    const set = await env.call('POST', '/__emulator/faults', {
      killAfter: 1,
      rules: [{ nth: 1, effect: { kind: 'lose-answer' } }],
    });
    expect((set.body as Json).killAfter).toBe(1);
    expect((set.body as Json).rules).toHaveLength(1);
    await dropped(read());
    expect(((await env.call('GET', '/__emulator/faults')).body as Json).killed).toBe(true);
    expect((await env.call('POST', '/__emulator/faults', { killAfter: 0 })).status).toBe(400);
    await env.call('DELETE', '/__emulator/faults');
    expect((await read()).status).toBe(200);
  });
});
