/**
 * HubSpot builds each UI extension folder on its own with `npm ci` (hubspot-facts §1), so each of
 * `src/app/cards` and `src/app/settings` carries its own package-lock.json beside the workspace root's.
 * `npx tsx scripts/extension-lockfiles.ts` regenerates them (in a scratch folder, so that npm does not
 * treat the folder as part of the root workspace); the test beside this file fails when one is stale.
 */

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_FOLDERS = ['src/app/cards', 'src/app/settings'] as const;
const root = path.resolve(import.meta.dirname, '..');

export function regenerateLockfile(folder: string): void {
  const scratch = mkdtempSync(path.join(tmpdir(), 'extension-lock-'));
  try {
    copyFileSync(path.join(root, folder, 'package.json'), path.join(scratch, 'package.json'));
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: scratch,
      stdio: 'inherit',
    });
    copyFileSync(path.join(scratch, 'package-lock.json'), path.join(root, folder, 'package-lock.json'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  for (const folder of EXTENSION_FOLDERS) regenerateLockfile(folder);
}
