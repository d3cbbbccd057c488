import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleNameOf, FunctionNotFoundError, FunctionRunner } from './function-runner';

function runnerWith(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fn-runner-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return new FunctionRunner(dir, { apiBaseUrl: 'http://127.0.0.1:9', accessToken: 'tok' });
}

describe('FunctionRunner', () => {
  it('maps uids to bundle names', () => {
    expect(bundleNameOf('goal_families_list')).toBe('goal-families-list');
  });

  it('calls main with parameters and secrets, the env pointing at the emulator, and returns the JSON round trip', async () => {
    const runner = runnerWith({
      'echo-fn.js': `exports.main = async (ctx) => ({ ok: true, p: ctx.parameters, secret: ctx.secrets.PRIVATE_APP_ACCESS_TOKEN,
        base: process.env.HUBSPOT_API_BASE_URL, token: process.env.PRIVATE_APP_ACCESS_TOKEN, when: new Date(0), skip: undefined });`,
    });
    await expect(runner.run('echo_fn', { a: 1 })).resolves.toEqual({
      ok: true,
      p: { a: 1 },
      secret: 'tok',
      base: 'http://127.0.0.1:9',
      token: 'tok',
      when: '1970-01-01T00:00:00.000Z',
    });
  });

  it('rejects when main throws, and for unknown or malformed uids', async () => {
    const runner = runnerWith({ 'boom.js': `exports.main = () => { throw new Error('kaput'); };` });
    await expect(runner.run('boom', {})).rejects.toThrow('kaput');
    await expect(runner.run('missing', {})).rejects.toBeInstanceOf(FunctionNotFoundError);
    await expect(runner.run('../etc/passwd', {})).rejects.toBeInstanceOf(FunctionNotFoundError);
  });
});
