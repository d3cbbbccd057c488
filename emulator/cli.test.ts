import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

/** Start `emulator/cli.ts` (what `npm run emulator` runs) and read the address it prints. */
function startCli(args: string[]): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('control API')) resolve(output);
    });
    child?.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

describe('npm run emulator', () => {
  it('prints the base URL and token, and serves the demo portal with rate limits on', async () => {
    const output = await startCli(['--db', ':memory:', '--port', '0', '--search-lag-ms', '0']);
    const baseUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(output).toContain('token:       emulator-token');
    const owners = await fetch(`${baseUrl}/crm/v3/owners?limit=1`, {
      headers: { authorization: 'Bearer emulator-token' },
    });
    expect(owners.status).toBe(200);
    expect(owners.headers.get('x-hubspot-ratelimit-max')).toBe('190');
    const health = (await fetch(`${baseUrl}/__emulator/health`).then((r) => r.json())) as {
      rateLimits: boolean;
    };
    expect(health.rateLimits).toBe(true);
  });
});
