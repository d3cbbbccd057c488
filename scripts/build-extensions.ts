/**
 * Builds the sidebar card and the settings page the way HubSpot does, offline.
 *
 * `uie build <entry>` (from @hubspot/ui-extensions-dev-server) runs three steps: generate a lockfile
 * (`npm install --package-lock-only`), `npm ci` in the extension folder, then `remoteBuild` — vite,
 * minified IIFE, `react` and `@remote-ui/react` left as the globals `React` / `RemoteUI`. The first two
 * need the npm registry, which this machine cannot reach, and the workspace already has the pinned
 * dependencies installed; so by default this script calls the package's own exported `remoteBuild`
 * (the third step, byte-for-byte what `uie build` bundles). `--cli` runs the real `uie build` CLI
 * instead (needs the registry); `--dev` runs `uie build-dev`'s unminified build.
 *
 * Output: `src/app/<folder>/dist/<Entry>.js` (git-ignored). Fails when an extension imports a file
 * outside its folder at runtime (HubSpot builds each folder on its own).
 *
 *   npx tsx scripts/build-extensions.ts [--cli | --dev] [card|settings ...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSingleExtension, remoteBuild } from '@hubspot/ui-extensions-dev-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const EXTENSIONS = {
  card: { folder: 'src/app/cards', entry: 'GoalFamiliesCard.tsx' },
  settings: { folder: 'src/app/settings', entry: 'SettingsPage.tsx' },
} as const;
export type ExtensionName = keyof typeof EXTENSIONS;
export type BuildMode = 'remote' | 'cli' | 'dev';

export interface BuiltExtension {
  name: ExtensionName;
  bundle: string;
  bytes: number;
  gzipBytes: number;
  warnings: string[];
}

/** The plugin's message for a runtime import from outside the extension folder. */
const OUTSIDE_IMPORT = 'outside of the extension directory';

/** Warnings that mean HubSpot's remote build (which sees only the folder) would break. */
export function outsideImportWarnings(warnings: readonly string[]): string[] {
  return warnings.filter((w) => w.includes(OUTSIDE_IMPORT));
}

async function withCapturedWarnings<T>(run: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    original(...args);
  };
  try {
    return { value: await run(), warnings };
  } finally {
    console.warn = original;
  }
}

export async function buildExtension(
  name: ExtensionName,
  mode: BuildMode = 'remote',
): Promise<BuiltExtension> {
  const { folder, entry } = EXTENSIONS[name];
  const root = path.join(ROOT, folder);
  const entryPoint = path.join(root, entry);
  const outputDir = path.join(root, 'dist');
  // HubSpot's builder runs with NODE_ENV unset, i.e. production. Under vitest NODE_ENV is "test", which
  // would make vite inline React's development JSX runtime; pin it for the build and restore it after.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const { warnings } = await withCapturedWarnings(async () => {
    if (mode === 'cli') {
      execFileSync(path.join(ROOT, 'node_modules/.bin/uie'), ['build', entryPoint], {
        cwd: root,
        stdio: 'inherit',
      });
    } else if (mode === 'dev') {
      await buildSingleExtension({
        file: entryPoint,
        outputDir,
        root,
        minify: false,
        logLevel: 'warn',
        codeCheckingPluginEnabled: true,
      });
    } else {
      await remoteBuild({ root, entryPoint, outputDir, logLevel: 'warn' });
    }
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  const outside = outsideImportWarnings(warnings);
  if (outside.length > 0)
    throw new Error(`${name}: runtime imports from outside ${folder}:\n${outside.join('\n')}`);
  const bundle = path.join(outputDir, entry.replace(/\.tsx?$/, '.js'));
  if (!existsSync(bundle)) throw new Error(`${name}: no bundle at ${bundle}`);
  return {
    name,
    bundle,
    bytes: statSync(bundle).size,
    gzipBytes: gzipSync(readFileSync(bundle)).length,
    warnings,
  };
}

async function main(argv: string[]) {
  const mode: BuildMode = argv.includes('--cli') ? 'cli' : argv.includes('--dev') ? 'dev' : 'remote';
  const names = argv.filter((a): a is ExtensionName => a in EXTENSIONS);
  for (const name of names.length > 0 ? names : (Object.keys(EXTENSIONS) as ExtensionName[])) {
    const built = await buildExtension(name, mode);
    console.log(
      `${name}: ${path.relative(ROOT, built.bundle)} ${(built.bytes / 1024).toFixed(1)} KiB (${(built.gzipBytes / 1024).toFixed(1)} KiB gzip), mode ${mode}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
