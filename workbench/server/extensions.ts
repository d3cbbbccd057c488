/**
 * Finds the app's card and settings page (their hsmeta files), builds them the way HubSpot does
 * (the project's scripts/build-extensions.ts, else the dev-server's `remoteBuild` directly), and falls
 * back to the workbench's sample extension for whichever is not there yet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';

export type ExtensionKind = 'card' | 'settings';

export interface ResolvedExtension {
  kind: ExtensionKind;
  title: string;
  /** Absolute path of the built bundle, once built. */
  bundleFile?: string;
  fixture: boolean;
  buildError?: string;
}

interface HsMeta {
  uid?: string;
  type?: string;
  config?: { name?: string; entrypoint?: string };
}

const FOLDERS: Record<ExtensionKind, { folder: string; type: string; defaultTitle: string }> = {
  card: { folder: 'src/app/cards', type: 'card', defaultTitle: 'Goal families' },
  settings: { folder: 'src/app/settings', type: 'settings', defaultTitle: 'Goal Families settings' },
};

export const FIXTURE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/sample-card',
);
const FIXTURE_ENTRY = 'SampleExtension.tsx';

/** The entry file an hsmeta names (`/app/cards/X.tsx` is relative to `src/`), if the file exists. */
export function findEntry(root: string, kind: ExtensionKind): { entry: string; title: string } | undefined {
  const { folder, type, defaultTitle } = FOLDERS[kind];
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return undefined;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('-hsmeta.json')) continue;
    let meta: HsMeta;
    try {
      meta = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as HsMeta;
    } catch {
      continue;
    }
    if (meta.type !== type || !meta.config?.entrypoint) continue;
    const entry = path.join(root, 'src', meta.config.entrypoint.replace(/^\/+/, ''));
    if (existsSync(entry)) return { entry, title: meta.config.name ?? defaultTitle };
  }
  return undefined;
}

const bundleOf = (entry: string) =>
  path.join(path.dirname(entry), 'dist', path.basename(entry).replace(/\.[jt]sx?$/, '.js'));

async function buildWithProjectScript(root: string, kind: ExtensionKind): Promise<string | undefined> {
  const script = path.join(root, 'scripts/build-extensions.ts');
  if (!existsSync(script)) return undefined;
  const mod = (await import(pathToFileURL(script).href)) as {
    buildExtension?: (name: ExtensionKind) => Promise<{ bundle: string }>;
  };
  if (typeof mod.buildExtension !== 'function') return undefined;
  return (await mod.buildExtension(kind)).bundle;
}

async function buildEntry(entry: string): Promise<string> {
  await remoteBuild({
    root: path.dirname(entry),
    entryPoint: entry,
    outputDir: path.join(path.dirname(entry), 'dist'),
    logLevel: 'warn',
  });
  return bundleOf(entry);
}

export async function buildFixture(): Promise<string> {
  return buildEntry(path.join(FIXTURE_DIR, FIXTURE_ENTRY));
}

/** Builds (or, with `build: false`, only locates) the card and the settings page. */
export async function prepareExtensions(
  root: string,
  options: { build: boolean; fixtureOnly?: boolean; log: (m: string) => void },
): Promise<Record<ExtensionKind, ResolvedExtension>> {
  let fixtureBundle: string | undefined;
  const fixture = async () => {
    fixtureBundle ??=
      existsSync(bundleOf(path.join(FIXTURE_DIR, FIXTURE_ENTRY))) && !options.build
        ? bundleOf(path.join(FIXTURE_DIR, FIXTURE_ENTRY))
        : await buildFixture();
    return fixtureBundle;
  };
  const out = {} as Record<ExtensionKind, ResolvedExtension>;
  for (const kind of ['card', 'settings'] as const) {
    const found = options.fixtureOnly ? undefined : findEntry(root, kind);
    if (!found) {
      options.log(`${kind}: not in the project yet — showing the workbench's sample extension`);
      out[kind] = { kind, title: FOLDERS[kind].defaultTitle, bundleFile: await fixture(), fixture: true };
      continue;
    }
    try {
      let bundle = bundleOf(found.entry);
      if (options.build) {
        const started = Date.now();
        bundle = (await buildWithProjectScript(root, kind)) ?? (await buildEntry(found.entry));
        options.log(`${kind}: built ${path.relative(root, bundle)} in ${Date.now() - started} ms`);
      }
      if (!existsSync(bundle)) throw new Error(`no bundle at ${bundle}`);
      out[kind] = { kind, title: found.title, bundleFile: bundle, fixture: false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`${kind}: build failed — ${message}`);
      out[kind] = { kind, title: found.title, fixture: false, buildError: message };
    }
  }
  return out;
}
