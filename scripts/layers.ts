/**
 * The one-way import rules of docs/architecture.md, checked on every import of every source file.
 *
 * Each import is resolved to what it reaches — a file of this repository (relative specifiers, and
 * workspace packages by name), a third-party package or a Node built-in — and the rules below judge
 * that target, not the specifier's text: `../x` is fine inside a folder and wrong when it leaves it.
 * (Biome's `noRestrictedImports` matches specifier text only, so it cannot tell those apart; HubSpot's
 * `no-parent-imports` covers cards and settings but not the shared packages.)
 *
 *   npx tsx scripts/layers.ts     # exits 1 and lists every violation
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Folders whose sources are checked (relative to the repository root). */
export const CHECKED_FOLDERS = ['src', 'emulator', 'workbench', 'bench', 'e2e', 'scripts'] as const;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.data', 'artifacts', 'coverage']);
const TEST_FILE = /(\.test\.tsx?$)|(\/__tests__\/)|(\/testing\/)|(\/test\/)/;

export type Target =
  /** A file of this repository, relative to the root with `/` separators (extension resolved when found). */
  | { kind: 'file'; path: string; viaPackage?: string }
  /** A package from node_modules that is not one of our workspaces. */
  | { kind: 'package'; name: string; specifier: string }
  | { kind: 'builtin'; name: string };

export interface Import {
  /** The importing file, relative to the root. */
  from: string;
  specifier: string;
  line: number;
  target: Target;
}

export interface Violation {
  rule: RuleId;
  file: string;
  line: number;
  specifier: string;
  message: string;
}

/** Workspace packages by name → their folder (relative to the root), read from package.json files. */
export function workspacePackages(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (manifestDir: string) => {
    const manifestPath = path.join(root, manifestDir, 'package.json');
    if (!existsSync(manifestPath)) return;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { workspaces?: string[] };
    for (const pattern of manifest.workspaces ?? []) {
      const folders = pattern.endsWith('/*')
        ? listDirs(path.join(root, manifestDir, pattern.slice(0, -2))).map((d) =>
            path.join(manifestDir, pattern.slice(0, -2), d),
          )
        : [path.join(manifestDir, pattern)];
      for (const folder of folders) {
        const memberManifest = path.join(root, folder, 'package.json');
        if (!existsSync(memberManifest)) continue;
        const { name } = JSON.parse(readFileSync(memberManifest, 'utf8')) as { name?: string };
        if (name) found.set(name, toPosix(folder));
      }
    }
  };
  visit('.');
  return found;
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Every source file under the checked folders, relative to the root. */
export function sourceFiles(root: string, folders: readonly string[] = CHECKED_FOLDERS): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(rel);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(toPosix(rel));
    }
  };
  for (const folder of folders) if (existsSync(path.join(root, folder))) walk(folder);
  return files.sort();
}

/** The module specifiers a file uses: static imports and re-exports, `import()`, `require()`, `import('x').T`. */
export function specifiersOf(fileName: string, text: string): Array<{ specifier: string; line: number }> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Array<{ specifier: string; line: number }> = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node))
      found.push({
        specifier: node.text,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require')
      )
        add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx', '.js', '.json'];

/** A repository path with its extension resolved the way the bundlers here do (`.js` may name a `.ts`). */
function resolveFile(root: string, rel: string): string {
  const bare = rel.replace(/\.(js|jsx|mjs|cjs)$/, '');
  for (const base of [rel, bare]) {
    for (const suffix of RESOLVE_SUFFIXES) {
      const candidate = path.join(root, base + suffix);
      if (existsSync(candidate) && statSync(candidate).isFile()) return toPosix(base + suffix);
    }
  }
  return toPosix(rel);
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function resolveImport(
  root: string,
  from: string,
  specifier: string,
  workspaces: Map<string, string>,
): Target {
  if (specifier.startsWith('node:')) return { kind: 'builtin', name: specifier };
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const rel = path.relative(root, path.resolve(root, path.dirname(from), specifier));
    return { kind: 'file', path: resolveFile(root, rel) };
  }
  const name = packageName(specifier);
  const folder = workspaces.get(name);
  if (folder !== undefined) {
    const sub = specifier.slice(name.length);
    return { kind: 'file', path: resolveFile(root, `${folder}${sub || '/index'}`), viaPackage: name };
  }
  // Bare Node built-ins without the `node:` prefix.
  if (BUILTINS.has(name)) return { kind: 'builtin', name: `node:${name}` };
  return { kind: 'package', name, specifier };
}

const BUILTINS = new Set([
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'stream',
  'url',
  'util',
  'vm',
  'worker_threads',
  'zlib',
]);

export function importsOf(root: string, files: readonly string[] = sourceFiles(root)): Import[] {
  const workspaces = workspacePackages(root);
  return files.flatMap((from) =>
    specifiersOf(from, readFileSync(path.join(root, from), 'utf8')).map(({ specifier, line }) => ({
      from,
      specifier,
      line,
      target: resolveImport(root, from, specifier, workspaces),
    })),
  );
}

// ——— the rules ———

const inside = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

export const FOLDERS = {
  domain: 'src/app/packages/domain',
  contract: 'src/app/packages/contract',
  uiPackage: 'src/app/packages/ui',
  packages: 'src/app/packages',
  cards: 'src/app/cards',
  settings: 'src/app/settings',
  functions: 'src/app/functions',
  app: 'src/app',
  gateway: 'src/gateway',
  useCases: 'src/use-cases',
  src: 'src',
  emulator: 'emulator',
  workbench: 'workbench',
} as const;

/** Where the app functions wire the gateway into the use cases. */
export const COMPOSITION_ROOT = 'src/app/functions/entries/define-function.ts';

/** The folder a UI file may import from by relative path: its own extension folder or package. */
function uiHome(file: string): string | undefined {
  return [FOLDERS.cards, FOLDERS.settings, FOLDERS.uiPackage].find((f) => inside(file, f));
}

const isTest = (file: string) => TEST_FILE.test(`/${file}`);
const TEST_TOOLS = new Set(['vitest', 'fast-check']);
const isFile = (t: Target): t is Extract<Target, { kind: 'file' }> => t.kind === 'file';

interface Rule {
  id: string;
  /** The rule in the words of docs/architecture.md. */
  says: string;
  appliesTo: (file: string) => boolean;
  /** A reason when this import breaks the rule. */
  check: (imp: Import, context: Context) => string | undefined;
}

export const RULES = [
  {
    id: 'domain-is-pure',
    says: 'The domain imports nothing of ours and does no I/O: its own files, dayjs (and, in tests, vitest and fast-check).',
    appliesTo: (file) => inside(file, FOLDERS.domain),
    check: ({ from, target }) => {
      if (isFile(target))
        return inside(target.path, FOLDERS.domain) ? undefined : `reaches ${target.path} outside the domain`;
      if (target.kind === 'builtin') return `uses ${target.name} (the domain does no I/O)`;
      if (target.name === 'dayjs') return undefined;
      if (isTest(from) && TEST_TOOLS.has(target.name)) return undefined;
      return `uses the package ${target.name}`;
    },
  },
  {
    id: 'contract-is-data',
    says: 'The contract imports only its own files, zod and the domain package.',
    appliesTo: (file) => inside(file, FOLDERS.contract),
    check: ({ from, target }) => {
      if (isFile(target)) {
        if (inside(target.path, FOLDERS.contract)) return undefined;
        if (target.viaPackage === '@goal-families/domain') return undefined;
        return `reaches ${target.path}`;
      }
      if (target.kind === 'builtin') return `uses ${target.name}`;
      if (target.name === 'zod' || (isTest(from) && TEST_TOOLS.has(target.name))) return undefined;
      return `uses the package ${target.name}`;
    },
  },
  {
    id: 'ui-imports-packages-react-hubspot',
    says: 'UI code (cards, settings, packages/ui) imports only its own folder, the shared packages, react and @hubspot/ui-extensions — never `../` out of its folder.',
    appliesTo: (file) => uiHome(file) !== undefined,
    check: ({ from, target }) => {
      const home = uiHome(from) ?? '';
      if (isFile(target)) {
        if (target.viaPackage?.startsWith('@goal-families/') && inside(target.path, FOLDERS.packages))
          return target.viaPackage === '@goal-families/ui' && home === FOLDERS.uiPackage
            ? 'imports its own package by name'
            : undefined;
        if (target.viaPackage === undefined && inside(target.path, home)) return undefined;
        // Tests never ship (.hsignore): the settings page's tests may share the card's test fixtures.
        if (isTest(from) && isTest(target.path) && uiHome(target.path) !== undefined) return undefined;
        return `reaches ${target.path} outside ${home}`;
      }
      if (target.kind === 'builtin') return `uses ${target.name} (UI code runs in HubSpot's sandbox)`;
      if (target.name === 'react' || target.name === '@hubspot/ui-extensions') return undefined;
      if (isTest(from) && TEST_TOOLS.has(target.name)) return undefined;
      return `uses the package ${target.name}`;
    },
  },
  {
    id: 'gateway-below-use-cases-and-app',
    says: 'The gateway never imports use cases, app code (cards, settings, functions, packages/ui) or tooling.',
    appliesTo: (file) => inside(file, FOLDERS.gateway) && !isTest(file),
    check: ({ target }) => {
      if (!isFile(target))
        return target.kind === 'package' && isUiPackage(target.name) ? uiReason(target) : undefined;
      if (inside(target.path, FOLDERS.gateway)) return undefined;
      if (target.viaPackage === '@goal-families/domain' || target.viaPackage === '@goal-families/contract')
        return undefined;
      return `reaches ${target.path}`;
    },
  },
  {
    id: 'use-cases-below-app',
    says: 'Use cases never import app code: cards, settings, functions, packages/ui, react or @hubspot/ui-extensions.',
    appliesTo: (file) => inside(file, FOLDERS.useCases),
    check: ({ from, target }) => {
      if (!isFile(target))
        return target.kind === 'package' && isUiPackage(target.name) ? uiReason(target) : undefined;
      // Integration tests wire a use case as an app function does, through the composition root.
      if (isTest(from) && target.path === COMPOSITION_ROOT) return undefined;
      for (const folder of [FOLDERS.cards, FOLDERS.settings, FOLDERS.functions, FOLDERS.uiPackage])
        if (inside(target.path, folder)) return `reaches ${target.path} (app code)`;
      return undefined;
    },
  },
  {
    id: 'tooling-uses-public-entries',
    says: 'The emulator and the workbench never import src/ internals: the app reaches them only as built function bundles and public packages; the emulator imports nothing of the workbench.',
    appliesTo: (file) => inside(file, FOLDERS.emulator) || inside(file, FOLDERS.workbench),
    check: ({ from, target }) => {
      if (!isFile(target)) return undefined;
      if (inside(target.path, FOLDERS.src))
        return target.viaPackage
          ? undefined
          : `reaches ${target.path} (use a package name or the built bundles)`;
      if (inside(from, FOLDERS.emulator) && inside(target.path, FOLDERS.workbench))
        return `reaches ${target.path} (the emulator does not know the workbench)`;
      return undefined;
    },
  },
  {
    id: 'gateway-only-through-index',
    says: 'Outside src/gateway, the gateway is imported only through src/gateway/index.ts.',
    appliesTo: (file) => !inside(file, FOLDERS.gateway),
    check: ({ target }) =>
      isFile(target) && inside(target.path, FOLDERS.gateway) && target.path !== `${FOLDERS.gateway}/index.ts`
        ? `reaches ${target.path} (import src/gateway/index.ts)`
        : undefined,
  },
  {
    id: 'use-cases-own-the-port',
    says: 'Use cases never import the gateway: they state what they need (src/use-cases/ports.ts) and the gateway satisfies it structurally, checked where the two meet (src/app/functions/entries/define-function.ts). Their tests may wire the real gateway.',
    appliesTo: (file) => inside(file, FOLDERS.useCases) && !isTest(file),
    check: ({ target }) =>
      isFile(target) && inside(target.path, FOLDERS.gateway) ? `reaches ${target.path}` : undefined,
  },
  {
    id: 'packages-only-by-name',
    says: 'A workspace package is imported by its name (its `exports`), never by a relative path into its folder.',
    appliesTo: () => true,
    check: ({ from, target }, { libraries }) => {
      if (!isFile(target) || target.viaPackage) return undefined;
      const home = libraries.find((folder) => inside(target.path, folder));
      return home && !inside(from, home)
        ? `reaches ${target.path} by path (import the package by name)`
        : undefined;
    },
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const UI_ONLY = new Set(['react', 'react-dom', '@hubspot/ui-extensions']);
const isUiPackage = (name: string) => UI_ONLY.has(name);
const uiReason = (target: Extract<Target, { kind: 'package' }>) => `uses ${target.name} (UI only)`;

interface Context {
  /** Workspace members with `exports` (libraries): their insides are private. */
  libraries: string[];
}

function librariesOf(root: string): string[] {
  return [...workspacePackages(root).values()].filter((folder) => {
    const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
    return manifest.exports !== undefined;
  });
}

export function checkLayers(root: string, files?: readonly string[]): Violation[] {
  const context: Context = { libraries: librariesOf(root) };
  const violations: Violation[] = [];
  for (const imp of importsOf(root, files)) {
    for (const rule of RULES as readonly Rule[]) {
      if (!rule.appliesTo(imp.from)) continue;
      const reason = rule.check(imp, context);
      if (reason)
        violations.push({
          rule: rule.id as RuleId,
          file: imp.from,
          line: imp.line,
          specifier: imp.specifier,
          message: `${imp.from}:${imp.line} imports '${imp.specifier}': ${reason} — ${rule.says}`,
        });
    }
  }
  return violations;
}

if (process.argv[1] === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, '..');
  const violations = checkLayers(root);
  if (violations.length > 0) {
    console.error(
      `Layer rules broken (docs/architecture.md):\n${violations.map((v) => `  - [${v.rule}] ${v.message}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`Layer rules hold: ${RULES.length} rules, ${sourceFiles(root).length} files.`);
}
