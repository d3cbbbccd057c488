/**
 * The probe against the emulator, as realistic as its command line (rate limits on, one second of
 * search lag): every check must say confirmed, and the probe must leave nothing behind. The same
 * ruler then measures a real portal (`npm run probe:hubspot`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEmulator, DEFAULT_TOKEN, type Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from './checks/index';
import { accountRefusal, main, parseArgs, WRITE_FLAG } from './cli';
import type { ProbeHttp } from './http';

let emulator: Emulator;
let baseUrl: string;
beforeAll(async () => {
  emulator = createEmulator({ seed: 'demo', rateLimits: true, searchLagMs: 1_000 });
  baseUrl = (await emulator.listen(0)).baseUrl;
});
afterAll(() => emulator.close());

const liveIds = (type: string) =>
  emulator.store
    .listObjects(type)
    .map((r) => r.id)
    .sort();

describe('npm run probe:hubspot against the emulator', () => {
  it('says confirmed for every assumption, one line each, and leaves nothing behind', async () => {
    const before = liveIds('goal_targets');
    const schemasBefore = [...emulator.store.schemas.values()].filter((s) => !s.archived).length;
    const lines: string[] = [];
    const code = await main(
      [],
      { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: DEFAULT_TOKEN },
      (l) => lines.push(l),
    );
    const checkLines = lines.filter((l) => /^(confirmed|differs|unchecked) /.test(l));
    expect(
      checkLines.filter((l) => !l.startsWith('confirmed')),
      lines.join('\n'),
    ).toEqual([]);
    expect(checkLines).toHaveLength(CHECKS.length);
    for (const check of CHECKS) expect(checkLines.some((l) => l.includes(` ${check.id} `))).toBe(true);
    expect(lines.at(-1)).toContain('everything it made is removed');
    expect(code).toBe(0);
    expect(liveIds('goal_targets')).toEqual(before);
    expect([...emulator.store.schemas.values()].filter((s) => !s.archived)).toHaveLength(schemasBefore);
    expect([...emulator.store.schemas.values()].some((s) => s.name.startsWith('gf_probe'))).toBe(false);
  }, 120_000);

  it('runs only the checks asked for', async () => {
    const lines: string[] = [];
    const code = await main(
      ['--only', 'milestone-options,teams-path'],
      { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: DEFAULT_TOKEN },
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines.filter((l) => l.startsWith('confirmed')).map((l) => l.split(/\s+/)[1])).toEqual([
      'milestone-options',
      'teams-path',
    ]);
  }, 60_000);
});

describe('the probe never writes to a real portal by accident', () => {
  const env = { HUBSPOT_API_BASE_URL: 'https://api.hubapi.com', PRIVATE_APP_ACCESS_TOKEN: 'pat-na1-x' };

  it(`refuses a URL that is not this machine without ${WRITE_FLAG}, before any call`, async () => {
    const lines: string[] = [];
    expect(await main([], env, (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain(WRITE_FLAG);
    expect(parseArgs([WRITE_FLAG], env)).toMatchObject({
      baseUrl: 'https://api.hubapi.com',
      confirmedWrites: true,
    });
    expect(
      parseArgs([], { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:8300', PRIVATE_APP_ACCESS_TOKEN: 't' }),
    ).toMatchObject({
      confirmedWrites: false,
    });
  });

  it('names the checks when --only asks for one that does not exist', () => {
    const local = { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:8300', PRIVATE_APP_ACCESS_TOKEN: 't' };
    expect(parseArgs(['--only', 'milestone-options,no-such-check'], local)).toMatchObject({
      refused: expect.stringContaining('no check no-such-check'),
    });
  });

  it('needs a base URL and a token', () => {
    expect(parseArgs([], {})).toMatchObject({ refused: expect.stringContaining('HUBSPOT_API_BASE_URL') });
    expect(parseArgs([], { HUBSPOT_API_BASE_URL: 'https://api.hubapi.com' })).toMatchObject({
      refused: expect.stringContaining('PRIVATE_APP_ACCESS_TOKEN'),
    });
  });

  it('refuses a standard (production) account even with the flag', async () => {
    const http = (accountType: string): ProbeHttp => ({
      searchesPerSecond: 4,
      calls: () => 1,
      request: async () => ({ status: 200, headers: {}, body: { portalId: 1, accountType } }),
    });
    expect(await accountRefusal(http('STANDARD'), () => {})).toContain('standard (production) account');
    expect(await accountRefusal(http('DEVELOPER_TEST'), () => {})).toBeNull();
    expect(await accountRefusal(http('SANDBOX'), () => {})).toBeNull();
  });
});

describe('docs/assumptions.md', () => {
  it('shows the probe output with a line for every check', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/assumptions.md'), 'utf8');
    for (const check of CHECKS) expect(doc, check.id).toMatch(new RegExp(`confirmed +${check.id} `));
  });
});
