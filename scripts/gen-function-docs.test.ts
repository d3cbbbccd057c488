import { readFileSync } from 'node:fs';
import { functionUids } from '@goal-families/contract';
import { expect, it } from 'vitest';
import { DOC_PATH, renderFunctionDocs } from './gen-function-docs';

it('docs/functions.md is up to date with the zod contract (run `npx tsx scripts/gen-function-docs.ts`)', () => {
  const rendered = renderFunctionDocs();
  for (const uid of functionUids) expect(rendered).toContain(`## ${uid}`);
  expect(readFileSync(DOC_PATH, 'utf8')).toBe(rendered);
});
