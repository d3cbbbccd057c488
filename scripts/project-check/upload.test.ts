import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkExtension,
  checkMemberDependencies,
  type IgnoreRule,
  planUpload,
  type WorkspaceMember,
} from './upload';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

describe("the upload, as HubSpot's CLI computes it", () => {
  // HubSpot's ignore rules read .hsignore from the working directory, as `hs project upload` does.
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('holds only the app: no gateway, use cases, tests, test fixtures or local extension builds', async () => {
    process.chdir(ROOT);
    const plan = await planUpload(ROOT, SRC);
    expect(plan.problems).toEqual([]);
    expect(plan.files.filter((f) => !f.startsWith('app/'))).toEqual([]);
    expect(
      plan.files.filter((f) =>
        /(\.test\.tsx?$)|__tests__\/|^app\/(cards|settings)\/dist\/|^app\/functions\/(entries|test)\/|domain\/testing\//.test(
          f,
        ),
      ),
    ).toEqual([]);
    for (const file of [
      'app/app-hsmeta.json',
      'app/package.json',
      'app/package-lock.json',
      'app/cards/GoalFamiliesCard.tsx',
      'app/settings/SettingsPage.tsx',
      'app/packages/ui/index.ts',
      'app/packages/contract/index.ts',
      'app/packages/domain/index.ts',
    ])
      expect(plan.files).toContain(file);
  });

  it('collects the workspace members src/app/package.json declares, and the extensions resolve @goal-families/* to them', async () => {
    process.chdir(ROOT);
    const plan = await planUpload(ROOT, SRC);
    expect(plan.members.map((m) => [m.dir, m.name, m.declaredBy])).toEqual([
      ['app/cards', 'goal-families-card', 'app/package.json'],
      ['app/settings', 'goal-families-settings', 'app/package.json'],
      ['app/functions', 'goal-families-functions', 'app/package.json'],
      ['app/packages/contract', '@goal-families/contract', 'app/package.json'],
      ['app/packages/domain', '@goal-families/domain', 'app/package.json'],
      ['app/packages/ui', '@goal-families/ui', 'app/package.json'],
    ]);
    expect(checkExtension(SRC, 'app/cards/GoalFamiliesCard.tsx', plan)).toEqual([]);
    expect(checkExtension(SRC, 'app/settings/SettingsPage.tsx', plan)).toEqual([]);
  });
});

/** A scratch srcDir shaped like ours, for cases that must fail. */
function scratchProject(files: Record<string, string | object>): { dir: string; src: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'upload-'));
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, 'src', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return { dir, src: path.join(dir, 'src') };
}

const noIgnores: IgnoreRule = (file) => file.includes('node_modules/');
const BASE = {
  'app/package.json': { name: 'app', workspaces: ['cards', 'packages/*'] },
  'app/package-lock.json': {
    packages: {
      '': {},
      cards: { name: 'card' },
      'packages/ui': { name: '@goal-families/ui' },
    },
  },
  'app/cards/package.json': {
    name: 'card',
    version: '1.0.0',
    dependencies: { '@goal-families/ui': '1.0.0', react: '18.3.1' },
  },
  'app/packages/ui/package.json': {
    name: '@goal-families/ui',
    version: '1.0.0',
    exports: { '.': './index.ts' },
    dependencies: { react: '18.3.1' },
  },
  'app/packages/ui/index.ts': "import { useState } from 'react';\nexport const x = useState;\n",
  'app/cards/Card.tsx':
    "import { x } from '@goal-families/ui';\nimport React from 'react';\nexport { x, React };\n",
};

describe('the upload check fails where the remote build would', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const project = (extra: Record<string, string | object>) => {
    const p = scratchProject({ ...BASE, ...extra });
    made.push(p.dir);
    return p;
  };

  it('passes the well-formed scratch project', async () => {
    const { dir, src } = project({});
    const plan = await planUpload(dir, src, noIgnores);
    expect(plan.problems).toEqual([]);
    expect(checkExtension(src, 'app/cards/Card.tsx', plan)).toEqual([]);
  });

  it('an extension importing a package its workspace member does not declare', async () => {
    const { dir, src } = project({ 'app/cards/Card.tsx': "import dayjs from 'dayjs';\nexport { dayjs };\n" });
    const plan = await planUpload(dir, src, noIgnores);
    expect(checkExtension(src, 'app/cards/Card.tsx', plan)).toEqual([
      'app/cards/Card.tsx imports dayjs, which app/cards/package.json does not declare (the remote npm ci would not install it)',
    ]);
  });

  it('a shared package importing what only the root happens to install', async () => {
    const { dir, src } = project({ 'app/packages/ui/index.ts': "export { z } from 'zod';\n" });
    const plan = await planUpload(dir, src, noIgnores);
    expect(checkExtension(src, 'app/cards/Card.tsx', plan)).toEqual([
      'app/packages/ui/index.ts imports zod, which app/packages/ui/package.json does not declare (the remote npm ci would not install it)',
    ]);
  });

  it('an extension needing a file the upload leaves out', async () => {
    const { dir, src } = project({
      'app/cards/Card.tsx': "export { f } from './fixtures/f';\n",
      'app/cards/fixtures/f.ts': 'export const f = 1;\n',
    });
    const ignores: IgnoreRule = (file) => file.startsWith('app/cards/fixtures/');
    const plan = await planUpload(dir, src, ignores);
    expect(checkExtension(src, 'app/cards/Card.tsx', plan)).toEqual([
      'app/cards/Card.tsx needs app/cards/fixtures/f.ts, which is not uploaded',
    ]);
  });

  it('an extension importing Node built-ins', async () => {
    const { dir, src } = project({
      'app/cards/Card.tsx': "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n",
    });
    const plan = await planUpload(dir, src, noIgnores);
    expect(checkExtension(src, 'app/cards/Card.tsx', plan)).toEqual([
      "app/cards/Card.tsx imports node:fs: extensions run in HubSpot's browser sandbox",
    ]);
  });

  it('a lockfile that misses a workspace member, and files outside app/', async () => {
    const { dir, src } = project({
      'app/package-lock.json': { packages: { '': {}, cards: { name: 'card' } } },
      'gateway/index.ts': 'export {};\n',
    });
    const plan = await planUpload(dir, src, noIgnores);
    expect(plan.problems).toEqual([
      'gateway/index.ts would be uploaded, but only app/ is the HubSpot app (.hsignore)',
      'app/package-lock.json does not list the workspace member packages/ui (@goal-families/ui)',
    ]);
  });

  it('a workspace declared outside srcDir', async () => {
    const { dir, src } = project({
      'app/package.json': { name: 'app', workspaces: ['cards', 'packages/*', '../../shared'] },
    });
    mkdirSync(path.join(dir, 'shared'));
    writeFileSync(
      path.join(dir, 'shared', 'package.json'),
      JSON.stringify({ name: 'shared', version: '1.0.0' }),
    );
    const plan = await planUpload(dir, src, noIgnores);
    expect(plan.problems).toContainEqual(
      'app/package.json declares the workspace shared outside srcDir: the CLI would copy it to _workspaces/ and rewrite the lockfile',
    );
  });

  it('a workspace dependency whose version the member does not satisfy, or that no member provides', () => {
    const member = (dir: string, name: string, dependencies: Record<string, string>): WorkspaceMember => ({
      dir,
      name,
      version: '0.1.0',
      declaredBy: 'app/package.json',
      dependencies,
    });
    expect(
      checkMemberDependencies([
        member('app/cards', 'card', {
          '@goal-families/ui': '^0.2.0',
          '@goal-families/gone': '0.1.0',
          react: '18.3.1',
        }),
        member('app/packages/ui', '@goal-families/ui', {}),
      ]),
    ).toEqual([
      'app/cards depends on @goal-families/ui@^0.2.0, but the workspace member is 0.1.0',
      'app/cards depends on @goal-families/gone, which is no workspace member of the upload',
    ]);
  });
});
