import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_DIRECTORY, locateSpecs } from './openapi-validator.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe("where HubSpot's OpenAPI specs are read", () => {
  it('CI has them: with HUBSPOT_OPENAPI_REQUIRED=1 (set by .ci/run) a missing folder fails here', () => {
    const specs = locateSpecs();
    expect(specs.required && !specs.present ? specs.note : 'present or not required').toBe(
      'present or not required',
    );
  });

  it('defaults to ../shared/hubspot-openapi from the repository root; HUBSPOT_OPENAPI_DIR moves it', () => {
    expect(DEFAULT_SPEC_DIRECTORY).toBe('../shared/hubspot-openapi');
    expect(locateSpecs({}).directory).toBe(path.resolve(ROOT, '../shared/hubspot-openapi'));
    expect(locateSpecs({ HUBSPOT_OPENAPI_DIR: 'specs/hubspot' }).directory).toBe(
      path.resolve(ROOT, 'specs/hubspot'),
    );
    expect(locateSpecs({ HUBSPOT_OPENAPI_DIR: '/opt/openapi' }).directory).toBe('/opt/openapi');
  });

  it('a missing folder is named, with the variable, in the note the skipped tests carry', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-openapi-'));
    try {
      const specs = locateSpecs({ HUBSPOT_OPENAPI_DIR: empty });
      expect(specs.present).toBe(false);
      expect(specs.required).toBe(false);
      expect(specs.note).toContain(empty);
      expect(specs.note).toContain('HUBSPOT_OPENAPI_DIR');
      expect(specs.note).toContain('skipped');
      expect(locateSpecs({ HUBSPOT_OPENAPI_DIR: empty, HUBSPOT_OPENAPI_REQUIRED: '1' }).note).toContain(
        'HUBSPOT_OPENAPI_REQUIRED=1 makes that a failure',
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  /** Runs vitest on the contract tests in a child process with the given environment. */
  function runContractTests(env: Record<string, string>) {
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        'emulator/contract/goal-targets.contract.test.ts',
        'emulator/contract/openapi-location.test.ts',
        '--testNamePattern',
        '^(?!.*runs the contract tests).*$',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' },
      },
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
    return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
  }

  it('runs the contract tests without the folder: they are skipped with the note, and only they', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-openapi-'));
    try {
      const { status, output } = runContractTests({
        HUBSPOT_OPENAPI_DIR: empty,
        HUBSPOT_OPENAPI_REQUIRED: '',
      });
      expect(status, output).toBe(0);
      expect(output).toContain(`HubSpot's OpenAPI specs are not in ${empty}`);
      expect(output).toMatch(/Tests\s+\d+ passed \| \d+ skipped/);
      // Required by the environment (CI): the same missing folder fails the run.
      const required = runContractTests({ HUBSPOT_OPENAPI_DIR: empty, HUBSPOT_OPENAPI_REQUIRED: '1' });
      expect(required.status, required.output).not.toBe(0);
      expect(required.output).toContain('HUBSPOT_OPENAPI_REQUIRED=1 makes that a failure');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 120_000);
});
