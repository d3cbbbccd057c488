import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_FOLDERS } from './extension-lockfiles';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

describe.each(EXTENSION_FOLDERS)('%s/package-lock.json (HubSpot runs npm ci there)', (folder) => {
  const manifest = readJson(`${folder}/package.json`);
  const lock = readJson(`${folder}/package-lock.json`);

  it('records exactly the dependencies of package.json (else: npx tsx scripts/extension-lockfiles.ts)', () => {
    expect(lock.packages[''].dependencies).toEqual(manifest.dependencies);
  });

  it('pins the versions HubSpot pins', () => {
    expect(lock.packages['node_modules/react'].version).toBe('18.3.1');
    expect(lock.packages['node_modules/@hubspot/ui-extensions'].version).toBe('0.17.0');
    expect(lock.packages['node_modules/@remote-ui/react'].version).toBe('5.0.2');
    expect(lock.packages['node_modules/@remote-ui/core'].version).toBe('2.2.7');
  });
});
