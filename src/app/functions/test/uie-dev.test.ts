/**
 * Proves the built bundles load in HubSpot's own local runner: `uie dev` from
 * @hubspot/ui-extensions-dev-server 2.1.2, offline, with a throwaway HOME whose CLI config lists no
 * account. It asks which extension to run (an interactive checkbox); the test answers on stdin.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asAdmin, DEMO, startEmulator } from './harness';

const root = join(__dirname, '..', '..', '..', '..');
let emulator: Emulator;
let child: ChildProcess | undefined;
let home: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

beforeAll(async () => {
  emulator = await startEmulator();
  home = mkdtempSync(join(tmpdir(), 'uie-home-'));
  mkdirSync(join(home, '.hscli'));
  writeFileSync(join(home, '.hscli', 'config.yml'), 'accounts: []\n');
});

afterAll(async () => {
  if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
});

it('runs goal_family_get through `uie dev` against the emulator', async () => {
  const port = await freePort();
  const proc = spawn(
    process.execPath,
    ['node_modules/@hubspot/ui-extensions-dev-server/dist/lib/bin/cli.js', 'dev', '--port', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        HOME: home,
        HUBSPOT_API_BASE_URL: process.env.HUBSPOT_API_BASE_URL,
        PRIVATE_APP_ACCESS_TOKEN: process.env.PRIVATE_APP_ACCESS_TOKEN,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child = proc;
  let output = '';
  await new Promise<void>((resolve, reject) => {
    let answered = false;
    const timer = setTimeout(
      () => reject(new Error(`uie dev did not start:\n${output.slice(-2000)}`)),
      45_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!answered && output.includes('Which extension')) {
        answered = true;
        // Space selects the first extension, Enter submits (inquirer's checkbox).
        setTimeout(() => proc.stdin?.write(' '), 200);
        setTimeout(() => proc.stdin?.write('\r'), 500);
      }
      if (output.includes('Serving app functions locally') && output.includes('Running extension')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`uie dev exited with ${code}:\n${output.slice(-2000)}`)));
  });

  const res = await fetch(
    `http://127.0.0.1:${port}/api/crm-extensibility/execution/internal/v3/action/function/1`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serverlessFunction: 'goal_family_get',
        parameters: { ...asAdmin, uuid: DEMO.families.teamRevenue2026 },
      }),
    },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    response: { ok: boolean; family?: { uuid: string; sliceCount: number } };
  };
  expect(body.response.ok).toBe(true);
  expect(body.response.family?.uuid).toBe(DEMO.families.teamRevenue2026);
  expect(body.response.family?.sliceCount).toBeGreaterThan(0);
}, 60_000);
