import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesBroken(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("HubSpot's lint preset for UI extensions (eslint.config.js)", () => {
  it.each<[string, string, string]>([
    [
      'src/app/cards/components/Bad.tsx',
      'no-parent-imports',
      "import { x } from '../../../gateway';\nexport { x };\n",
    ],
    ['src/app/settings/Bad.tsx', 'no-browser-storage', "export const f = () => localStorage.getItem('k');\n"],
    ['src/app/settings/Bad.tsx', 'no-browser-dialogs', "export const f = () => window.confirm('Sure?');\n"],
    ['src/app/cards/Bad.tsx', 'no-html-elements', 'export const A = () => <div>hi</div>;\n'],
    [
      'src/app/packages/ui/bad.ts',
      'no-native-http',
      "export const f = () => fetch('https://example.com');\n",
    ],
    [
      'src/app/settings/Bad.tsx',
      'no-invalid-extension-point-imports',
      "import { CrmPropertyList } from '@hubspot/ui-extensions/crm';\nexport { CrmPropertyList };\n",
    ],
  ])('%s: %s', async (file, rule, text) => {
    expect(await rulesBroken(file, text)).toContain(`@hubspot/ui-extensions/${rule}`);
  });

  it('passes what the UI really writes', async () => {
    const text = [
      "import { Button, Text } from '@hubspot/ui-extensions';",
      "import { explainError } from '@goal-families/ui';",
      "import { Tile } from './Tile';",
      'export const A = () => <Text>{String(explainError)}{String(Tile)}<Button>Go</Button></Text>;',
    ].join('\n');
    expect(await rulesBroken('src/app/cards/components/Ok.tsx', text)).toEqual([]);
  });

  it('leaves tests alone (they run in Node and never ship)', async () => {
    expect(await eslint.isPathIgnored(path.join(ROOT, 'src/app/settings/__tests__/x.test.tsx'))).toBe(true);
    expect(await eslint.isPathIgnored(path.join(ROOT, 'src/app/cards/utils/scope.test.ts'))).toBe(true);
    expect(await eslint.isPathIgnored(path.join(ROOT, 'src/app/cards/GoalFamiliesCard.tsx'))).toBe(false);
  });
});
