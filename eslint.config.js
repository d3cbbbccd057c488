/**
 * HubSpot's lint preset for UI extensions (@hubspot/eslint-config-ui-extensions: no parent imports, no
 * DOM, no browser storage or dialogs, no native HTTP, only the components the SDK renders, …) on the
 * code HubSpot builds and runs in its sandbox: the card, the settings page and the shared UI package.
 * Tests are left out: they run in Node under vitest and never ship (.hsignore). Biome does the rest of
 * the linting and all the formatting; this config only adds what HubSpot knows about its runtime.
 *
 *   npm run lint:extensions
 */
import { config as hubspotUiExtensions } from '@hubspot/eslint-config-ui-extensions';
import tseslint from 'typescript-eslint';

export const UI_FOLDERS = ['src/app/cards', 'src/app/settings', 'src/app/packages/ui'];

export default [
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/__tests__/**', '**/*.test.ts', '**/*.test.tsx'],
  },
  ...hubspotUiExtensions,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
  },
];
