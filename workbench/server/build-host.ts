/**
 * Bundles the browser side of the workbench with esbuild, in memory: the page (`../page/main.tsx` and
 * its styles, which import the host's) and the host's extension worker (`../host/runtime/worker-entry.ts`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const HOST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../host');
export const PAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../page');

export interface HostAssets {
  pageJs: string;
  pageCss: string;
  workerJs: string;
}

const common: esbuild.BuildOptions = {
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  minify: false,
  sourcemap: 'inline',
  logLevel: 'silent',
};

function textOf(result: esbuild.BuildResult, ext: string): string {
  const file = result.outputFiles?.find((f) => f.path.endsWith(ext));
  if (!file) throw new Error(`esbuild produced no ${ext} output`);
  return file.text;
}

/** One React, one @remote-ui/react and one @remote-ui/core in each bundle: esbuild dedupes by path. */
export async function buildHostAssets(options: { sourcemap?: boolean } = {}): Promise<HostAssets> {
  // Dev mode keeps readable code and source maps; the default is small and quick to load.
  const sourcemap = options.sourcemap ? ('inline' as const) : false;
  const minify = !options.sourcemap;
  const define = { 'process.env.NODE_ENV': JSON.stringify(options.sourcemap ? 'development' : 'production') };
  const [page, css, worker] = await Promise.all([
    esbuild.build({
      ...common,
      sourcemap,
      minify,
      define,
      entryPoints: [path.join(PAGE_DIR, 'main.tsx')],
      outfile: 'host.js',
    }),
    esbuild.build({
      ...common,
      sourcemap: false,
      entryPoints: [path.join(PAGE_DIR, 'page.css')],
      outfile: 'host.css',
    }),
    esbuild.build({
      ...common,
      sourcemap,
      minify,
      define,
      entryPoints: [path.join(HOST_DIR, 'runtime/worker-entry.ts')],
      outfile: 'worker.js',
    }),
  ]);
  return { pageJs: textOf(page, '.js'), pageCss: textOf(css, '.css'), workerJs: textOf(worker, '.js') };
}
