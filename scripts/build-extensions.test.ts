import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExtension, outsideImportWarnings, stageUpload } from './build-extensions';

describe('build-extensions', () => {
  it.each(['card', 'settings'] as const)(
    'builds the %s as HubSpot does: a minified IIFE on the React/RemoteUI globals',
    async (name) => {
      const built = await buildExtension(name);
      const code = readFileSync(built.bundle, 'utf8');
      expect(built.bytes).toBeGreaterThan(1000);
      expect(code).toMatch(/RemoteUI/);
      expect(code).toMatch(/\bReact\b/);
      // Minified (local names mangled); the contract's zod schemas are not bundled (type-only imports).
      expect(code).not.toMatch(/function useMutationFlow|function explainError/);
      // A production build even when run under vitest (NODE_ENV=test): no development React runtime.
      expect(code).not.toMatch(/\.development\.js|react-jsx-dev-runtime/);
      expect(process.env.NODE_ENV).toBe('test');
      expect(code).not.toMatch(/ZodError|zod/);
      expect(outsideImportWarnings(built.warnings)).toEqual([]);
    },
    120_000,
  );

  it('recognises the warning for a runtime import from outside the folder', () => {
    const warning =
      'Importing files from outside of the extension directory is not supported. Please move the import ../../contract into the extension directory.';
    expect(outsideImportWarnings(['some other warning', warning])).toEqual([warning]);
  });

  it.each(['card', 'settings'] as const)(
    "HubSpot's own `uie build` CLI, run on a copy of what `hs project upload` sends, installs the workspace from app/package-lock.json and bundles the %s byte for byte as the offline build does",
    async (name) => {
      const out = mkdtempSync(path.join(tmpdir(), 'uie-build-'));
      try {
        const cli = await buildExtension(name, 'cli', { outputDir: path.join(out, 'cli') });
        const offline = await buildExtension(name, 'remote', { outputDir: path.join(out, 'remote') });
        expect(cli.bytes).toBeGreaterThan(1000);
        expect(readFileSync(cli.bundle).equals(readFileSync(offline.bundle))).toBe(true);
        expect(outsideImportWarnings(cli.warnings)).toEqual([]);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it('stages exactly the uploaded app: workspace manifests, the lockfile, the app tsconfig; no gateway or tests', () => {
    const stage = stageUpload();
    try {
      for (const file of [
        'app/package.json',
        'app/package-lock.json',
        'app/tsconfig.json',
        'app/packages/ui/package.json',
      ])
        expect(existsSync(path.join(stage.srcDir, file))).toBe(true);
      for (const file of ['gateway/index.ts', 'app/cards/__tests__', 'app/packages/domain/testing'])
        expect(existsSync(path.join(stage.srcDir, file))).toBe(false);
    } finally {
      stage.remove();
    }
  });
});
