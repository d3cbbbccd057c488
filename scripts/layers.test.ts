import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLayers, RULES, type RuleId, resolveImport, specifiersOf, workspacePackages } from './layers';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the layer rules on this repository', () => {
  it('hold: no import breaks a rule', () => {
    expect(checkLayers(ROOT).map((v) => v.message)).toEqual([]);
  });

  it('see the workspace packages by name', () => {
    const packages = workspacePackages(ROOT);
    expect(packages.get('@goal-families/domain')).toBe('src/app/packages/domain');
    expect(packages.get('@goal-families/contract')).toBe('src/app/packages/contract');
    expect(packages.get('@goal-families/ui')).toBe('src/app/packages/ui');
  });
});

/**
 * A scratch repository with the real folder names and workspace manifests, into which each case
 * writes one file: the checker must report exactly the rule that file breaks (and nothing for the
 * allowed cases), which proves each rule bites.
 */
let scratch: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  writeFileSync(path.join(scratch, file), text);
};

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'layers-'));
  write(
    'package.json',
    JSON.stringify({ workspaces: ['src/app/cards', 'src/app/packages/*', 'emulator', 'workbench'] }),
  );
  write(
    'emulator/package.json',
    JSON.stringify({ name: '@goal-families/emulator', exports: { '.': './index.ts' } }),
  );
  write(
    'workbench/package.json',
    JSON.stringify({
      name: '@goal-families/workbench',
      exports: { '.': './server.ts', './host': './host/index.ts' },
    }),
  );
  for (const name of ['domain', 'contract', 'ui'])
    write(
      `src/app/packages/${name}/package.json`,
      JSON.stringify({ name: `@goal-families/${name}`, exports: { '.': './index.ts' } }),
    );
  write('src/app/cards/package.json', JSON.stringify({ name: 'goal-families-card' }));
  for (const file of [
    'src/app/packages/domain/index.ts',
    'src/app/packages/domain/money.ts',
    'src/app/packages/contract/index.ts',
    'src/app/packages/ui/index.ts',
    'src/app/cards/components/Tile.tsx',
    'src/app/cards/__tests__/fixtures.ts',
    'src/app/settings/SettingsPage.tsx',
    'src/app/functions/entries/define-function.ts',
    'src/gateway/index.ts',
    'src/gateway/paths.ts',
    'src/use-cases/audit.ts',
    'emulator/index.ts',
    'workbench/server.ts',
    'workbench/host/index.ts',
  ])
    write(file, 'export {};\n');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** [file written, its import, the rules it must break (empty: allowed)] */
const CASES: Array<[string, string, RuleId[]]> = [
  // The domain imports nothing of ours and does no I/O.
  [
    'src/app/packages/domain/bad.ts',
    "import '../contract/index';",
    ['domain-is-pure', 'packages-only-by-name'],
  ],
  ['src/app/packages/domain/bad.ts', "import '@goal-families/contract';", ['domain-is-pure']],
  ['src/app/packages/domain/bad.ts', "import { readFileSync } from 'node:fs';", ['domain-is-pure']],
  ['src/app/packages/domain/bad.ts', "import { z } from 'zod';", ['domain-is-pure']],
  ['src/app/packages/domain/bad.ts', "import { Client } from '@hubspot/api-client';", ['domain-is-pure']],
  ['src/app/packages/domain/bad.test.ts', "import fc from 'fast-check';", []],
  ['src/app/packages/domain/ok.ts', "import dayjs from 'dayjs';", []],
  ['src/app/packages/domain/ok.ts', "import utc from 'dayjs/plugin/utc.js';", []],
  ['src/app/packages/domain/ok.ts', "export { x } from './money';", []],
  // The contract: its own files, zod, the domain.
  ['src/app/packages/contract/bad.ts', "import '@goal-families/ui';", ['contract-is-data']],
  ['src/app/packages/contract/bad.ts', "import 'react';", ['contract-is-data']],
  ['src/app/packages/contract/ok.ts', "import { z } from 'zod';", []],
  ['src/app/packages/contract/ok.ts', "import type { Cents } from '@goal-families/domain';", []],
  // UI code: its own folder, the shared packages, react and @hubspot/ui-extensions.
  [
    'src/app/cards/components/Bad.tsx',
    "import '../../settings/SettingsPage';",
    ['ui-imports-packages-react-hubspot'],
  ],
  [
    'src/app/cards/components/Bad.tsx',
    "import type { X } from '../../../../src/gateway';",
    ['ui-imports-packages-react-hubspot'],
  ],
  [
    'src/app/cards/components/Bad.tsx',
    "import '../../../use-cases/audit';",
    ['ui-imports-packages-react-hubspot'],
  ],
  [
    'src/app/cards/components/Bad.tsx',
    "import { Client } from '@hubspot/api-client';",
    ['ui-imports-packages-react-hubspot'],
  ],
  ['src/app/cards/components/Bad.tsx', "import { z } from 'zod';", ['ui-imports-packages-react-hubspot']],
  ['src/app/settings/Bad.tsx', "import 'node:fs';", ['ui-imports-packages-react-hubspot']],
  [
    'src/app/settings/Bad.tsx',
    "import { fixtures } from '../cards/__tests__/fixtures';",
    ['ui-imports-packages-react-hubspot'],
  ],
  [
    'src/app/packages/ui/Bad.tsx',
    "import { money } from '../domain/money';",
    ['ui-imports-packages-react-hubspot', 'packages-only-by-name'],
  ],
  ['src/app/packages/ui/Bad.tsx', "import '@goal-families/ui';", ['ui-imports-packages-react-hubspot']],
  ['src/app/cards/components/Ok.tsx', "import { Tile } from './Tile';", []],
  ['src/app/cards/Ok.tsx', "import { Tile } from './components/Tile';", []],
  ['src/app/cards/Ok.tsx', "import { Text } from '@hubspot/ui-extensions';", []],
  ['src/app/cards/Ok.tsx', "import { useState } from 'react';", []],
  ['src/app/cards/Ok.tsx', "import type { FamilyDto } from '@goal-families/contract';", []],
  ['src/app/settings/Ok.tsx', "import { explainError } from '@goal-families/ui';", []],
  [
    'src/app/settings/__tests__/Ok.test.tsx',
    "import { fixtures } from '../../cards/__tests__/fixtures';",
    [],
  ],
  ['src/app/packages/ui/Ok.tsx', "import { Button } from '@hubspot/ui-extensions';", []],
  // The gateway never imports use cases, app code or tooling.
  ['src/gateway/bad.ts', "import '../use-cases/audit';", ['gateway-below-use-cases-and-app']],
  [
    'src/gateway/bad.ts',
    "import '../app/functions/entries/define-function';",
    ['gateway-below-use-cases-and-app'],
  ],
  ['src/gateway/bad.ts', "import '@goal-families/ui';", ['gateway-below-use-cases-and-app']],
  ['src/gateway/bad.ts', "import 'react';", ['gateway-below-use-cases-and-app']],
  [
    'src/gateway/bad.ts',
    "import '../../workbench/host/index';",
    ['gateway-below-use-cases-and-app', 'packages-only-by-name'],
  ],
  ['src/gateway/ok.ts', "import type { ErrorCode } from '@goal-families/contract';", []],
  ['src/gateway/ok.ts', "import { LIMITS } from './paths';", []],
  // Use cases never import app code.
  ['src/use-cases/bad.ts', "import '../app/functions/entries/define-function';", ['use-cases-below-app']],
  ['src/use-cases/bad.test.ts', "import '../app/cards/components/Tile';", ['use-cases-below-app']],
  ['src/use-cases/ok.test.ts', "import { sliceKey } from '../app/functions/entries/define-function';", []],
  // Use cases own their port: the gateway satisfies it without either importing the other.
  ['src/use-cases/bad.ts', "import { createGatewayFromEnv } from '../gateway';", ['use-cases-own-the-port']],
  [
    'src/use-cases/safe-write/bad.ts',
    "import type { HttpRequest } from '../../gateway/index';",
    ['use-cases-own-the-port'],
  ],
  ['src/use-cases/ok.test.ts', "import { createGatewayFromEnv } from '../gateway';", []],
  ['src/use-cases/ok.ts', "import type { GoalTargetsGateway } from './ports';", []],
  // The gateway is entered through its index only.
  ['bench/bad.ts', "import { LIMITS } from '../src/gateway/paths';", ['gateway-only-through-index']],
  [
    'src/app/functions/entries/bad.ts',
    "import { LIMITS } from '../../../gateway/paths.js';",
    ['gateway-only-through-index'],
  ],
  [
    'src/use-cases/bad.test.ts',
    "import type { HttpRequest } from '../gateway/paths';",
    ['gateway-only-through-index'],
  ],
  ['bench/ok.ts', "import { LIMITS } from '../src/gateway';", []],
  ['src/app/functions/entries/ok.ts', "import { createGatewayFromEnv } from '../../../gateway';", []],
  ['src/use-cases/bad.ts', "import '../app/cards/components/Tile';", ['use-cases-below-app']],
  ['src/use-cases/bad.ts', "import '@goal-families/ui';", ['use-cases-below-app']],
  ['src/use-cases/bad.ts', "import { useState } from 'react';", ['use-cases-below-app']],
  ['src/use-cases/ok.ts', "import { groupFamilies } from '@goal-families/domain';", []],
  // The emulator and the workbench reach the app only through public packages and built bundles.
  ['emulator/bad.ts', "import '../src/gateway/index';", ['tooling-uses-public-entries']],
  ['workbench/host/bad.ts', "import '../../src/use-cases/audit';", ['tooling-uses-public-entries']],
  [
    'workbench/host/bad.ts',
    "import '../../src/app/packages/domain/money';",
    ['tooling-uses-public-entries', 'packages-only-by-name'],
  ],
  [
    'emulator/bad.ts',
    "import '../workbench/host/index';",
    ['tooling-uses-public-entries', 'packages-only-by-name'],
  ],
  [
    'workbench/host/bad.ts',
    "import { createEmulator } from '../../emulator/index';",
    ['packages-only-by-name'],
  ],
  ['workbench/host/ok.ts', "import { createEmulator } from '@goal-families/emulator';", []],
  ['e2e/bad.ts', "import { startWorkbench } from '../workbench/server';", ['packages-only-by-name']],
  ['e2e/ok.ts', "import { startWorkbench } from '@goal-families/workbench';", []],
  [
    'src/use-cases/x.test.ts',
    "import { createEmulator } from '../../emulator/index';",
    ['packages-only-by-name'],
  ],
  ['src/use-cases/x.test.ts', "import { createEmulator } from '@goal-families/emulator';", []],
  ['workbench/host/ok.ts', "import { groupFamilies } from '@goal-families/domain';", []],
  // Workspace packages are imported by name.
  ['bench/bad.ts', "import { money } from '../src/app/packages/domain/money';", ['packages-only-by-name']],
  ['bench/ok.ts', "import { money } from '@goal-families/domain';", []],
];

describe('each layer rule bites on a violation, and only there', () => {
  it.each(CASES)('%s: %s → %j', (file, source, rules) => {
    write(file, `${source}\n`);
    try {
      expect(checkLayers(scratch, [file]).map((v) => v.rule)).toEqual(rules);
    } finally {
      rmSync(path.join(scratch, file));
    }
  });

  it('every rule has a case that breaks it', () => {
    const broken = new Set(CASES.flatMap(([, , rules]) => rules));
    expect(RULES.map((r) => r.id).filter((id) => !broken.has(id))).toEqual([]);
  });

  it('reads every form of import: static, re-export, type, dynamic, require, import type', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export * from 'c';",
      "export { d } from 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      "type G = import('g').G;",
      "import h = require('h');",
    ].join('\n');
    expect(specifiersOf('x.ts', text).map((s) => s.specifier)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]);
  });

  it('resolves `.js` specifiers to the TypeScript file and package names to their folder', () => {
    const packages = workspacePackages(scratch);
    expect(resolveImport(scratch, 'src/gateway/x.ts', './paths.js', packages)).toEqual({
      kind: 'file',
      path: 'src/gateway/paths.ts',
    });
    expect(resolveImport(scratch, 'bench/x.ts', '@goal-families/domain', packages)).toEqual({
      kind: 'file',
      path: 'src/app/packages/domain/index.ts',
      viaPackage: '@goal-families/domain',
    });
    expect(resolveImport(scratch, 'bench/x.ts', 'fs', packages)).toEqual({
      kind: 'builtin',
      name: 'node:fs',
    });
  });
});
