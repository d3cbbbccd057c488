/**
 * Builds the sidebar card and the settings page the way HubSpot does.
 *
 * `uie build <entry>` (from @hubspot/ui-extensions-dev-server) mirrors HubSpot's remote build in three
 * steps: a lockfile (`npm install --package-lock-only`, skipped when the extension folder has its own),
 * `npm ci` in the extension folder, then `remoteBuild` — vite, minified IIFE, `react` and
 * `@remote-ui/react` left as the globals `React` / `RemoteUI`.
 *
 * - default (`remote`): only the third step, `remoteBuild`, on the workspace as installed here (offline;
 *   byte-for-byte what `uie build` bundles — `scripts/build-extensions.test.ts` compares them);
 * - `--cli`: the real `uie build` CLI on a staged copy of exactly what `hs project upload` would send
 *   (./project-check/upload.ts): from that copy, npm finds the workspace root `app/package.json`,
 *   installs the extension's workspace (linking the `@goal-families/*` members) from
 *   `app/package-lock.json` through the npm registry, and vite builds it. Fails when the lockfile step
 *   had to change the committed lockfile (stale) or vite warns about imports from outside the folder;
 * - `--dev`: `uie build-dev`'s unminified build.
 *
 * Output: `src/app/<folder>/dist/<Entry>.js` (git-ignored). Fails when an extension imports a file
 * outside its folder at runtime (HubSpot builds each folder on its own).
 *
 *   npx tsx scripts/build-extensions.ts [--cli | --dev] [card|settings ...]
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSingleExtension, remoteBuild } from '@hubspot/ui-extensions-dev-server';
import { uploadedFiles } from './project-check/upload';

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
  /** `--cli`: the steps `uie build` reported (lockfile, install, build). */
  steps: string[];
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

/** A copy of what `hs project upload` would send (srcDir's uploaded files), in a scratch folder. */
export function stageUpload(): { srcDir: string; remove: () => void } {
  const scratch = mkdtempSync(path.join(tmpdir(), 'hs-upload-'));
  const srcDir = path.join(ROOT, 'src');
  // HubSpot's ignore rules read `.hsignore` from the working directory, as the CLI does at the root.
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    for (const file of uploadedFiles(srcDir)) {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      copyFileSync(path.join(srcDir, file), path.join(scratch, file));
    }
  } finally {
    process.chdir(cwd);
  }
  return { srcDir: scratch, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** Runs the real `uie build` on the staged upload; returns the bundle it wrote and its output. */
function uieBuild(stagedSrc: string, folder: string, entry: string): { bundle: string; output: string[] } {
  const appFolder = path.relative('src', folder);
  const root = path.join(stagedSrc, appFolder);
  const lockfile = path.join(stagedSrc, 'app/package-lock.json');
  const lockBefore = readFileSync(lockfile, 'utf8');
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/uie'), ['build', path.join(root, entry)], {
    cwd: root,
    encoding: 'utf8',
    // Production, as HubSpot builds; no npm settings inherited from an `npm run` around this script.
    env: Object.fromEntries(
      Object.entries({ ...process.env, NODE_ENV: 'production' }).filter(
        ([k]) => !k.toLowerCase().startsWith('npm_'),
      ),
    ),
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0)
    throw new Error(`uie build ${appFolder}/${entry} failed (exit ${run.status}):\n${output}`);
  if (readFileSync(lockfile, 'utf8') !== lockBefore)
    throw new Error(
      'uie build rewrote app/package-lock.json: src/app/package-lock.json is stale (npx tsx scripts/extension-lockfiles.ts)',
    );
  return { bundle: path.join(root, 'dist', entry.replace(/\.tsx?$/, '.js')), output: output.split('\n') };
}

export async function buildExtension(
  name: ExtensionName,
  mode: BuildMode = 'remote',
  options: { outputDir?: string } = {},
): Promise<BuiltExtension> {
  const { folder, entry } = EXTENSIONS[name];
  const root = path.join(ROOT, folder);
  const entryPoint = path.join(root, entry);
  const outputDir = options.outputDir ?? path.join(root, 'dist');
  let warnings: string[];
  let steps: string[] = [];
  if (mode === 'cli') {
    const stage = stageUpload();
    try {
      const built = uieBuild(stage.srcDir, folder, entry);
      warnings = built.output.filter((line) => /warn/i.test(line) || line.includes(OUTSIDE_IMPORT));
      steps = built.output.filter((line) => /^[✔ℹ✖]/.test(line.trim())).map((line) => line.trim());
      mkdirSync(outputDir, { recursive: true });
      cpSync(path.dirname(built.bundle), outputDir, { recursive: true });
    } finally {
      stage.remove();
    }
  } else {
    // HubSpot's builder runs with NODE_ENV unset, i.e. production. Under vitest NODE_ENV is "test", which
    // would make vite inline React's development JSX runtime; pin it for the build and restore it after.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    ({ warnings } = await withCapturedWarnings(async () => {
      if (mode === 'dev') {
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
    }));
  }
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
    steps,
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
    for (const step of built.steps) console.log(`  uie build: ${step}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
