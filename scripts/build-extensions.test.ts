import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExtension, outsideImportWarnings } from './build-extensions';

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
});
