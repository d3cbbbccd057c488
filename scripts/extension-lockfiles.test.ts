import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROOT, appWorkspaces } from './extension-lockfiles';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe(`${APP_ROOT}/package-lock.json (HubSpot installs the app's workspaces from it)`, () => {
  const lock = readJson(`${APP_ROOT}/package-lock.json`);

  it.each(appWorkspaces())(
    'records exactly the dependencies of %s/package.json (else: npx tsx scripts/extension-lockfiles.ts)',
    (folder) => {
      const manifest = readJson(`${APP_ROOT}/${folder}/package.json`);
      expect(lock.packages[folder]?.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
      expect(lock.packages[`node_modules/${manifest.name}`]).toEqual({ resolved: folder, link: true });
    },
  );

  it('pins the versions HubSpot pins', () => {
    expect(lock.packages['node_modules/react'].version).toBe('18.3.1');
    expect(lock.packages['node_modules/@hubspot/ui-extensions'].version).toBe('0.17.0');
    expect(lock.packages['node_modules/@remote-ui/react'].version).toBe('5.0.2');
    expect(lock.packages['node_modules/@remote-ui/core'].version).toBe('2.2.7');
  });
});
