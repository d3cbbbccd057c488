/**
 * HubSpot's CLI uploads `src/app/` as an npm workspace root (its `package.json` lists the card, the
 * settings page, the functions and the shared packages) and installs it remotely from
 * `src/app/package-lock.json`. `npx tsx scripts/extension-lockfiles.ts` regenerates that lockfile in a
 * scratch copy of the workspace manifests, so that npm does not mix it up with the repository root's
 * own workspace; the test beside this file fails when it is stale.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const APP_ROOT = 'src/app';

/** The workspace folders `src/app/package.json` declares, relative to `src/app` (globs expanded). */
export function appWorkspaces(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, APP_ROOT, 'package.json'), 'utf8'));
  return (manifest.workspaces as string[]).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(path.join(root, APP_ROOT, parent), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${parent}/${d.name}`);
  });
}

export function regenerateLockfile(): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'app-lock-'));
  try {
    for (const folder of ['.', ...appWorkspaces()]) {
      mkdirSync(path.join(scratch, folder), { recursive: true });
      copyFileSync(
        path.join(root, APP_ROOT, folder, 'package.json'),
        path.join(scratch, folder, 'package.json'),
      );
    }
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: scratch,
      stdio: 'inherit',
    });
    copyFileSync(path.join(scratch, 'package-lock.json'), path.join(root, APP_ROOT, 'package-lock.json'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) regenerateLockfile();
