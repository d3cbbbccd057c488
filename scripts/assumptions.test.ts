/**
 * Every `ASSUMPTION (unverified)` marker in shipping code must be listed in docs/assumptions.md,
 * so that the list of things to confirm on a HubSpot test account is never out of date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const MARKER = 'ASSUMPTION (unverified)';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('docs/assumptions.md', () => {
  const doc = readFileSync(path.join(root, 'docs/assumptions.md'), 'utf8');
  const marked = sourceFiles(path.join(root, 'src'))
    .filter((file) => readFileSync(file, 'utf8').includes(MARKER))
    .map((file) => path.relative(root, file).split(path.sep).join('/'));

  it('finds the markers it checks', () => {
    expect(marked.length).toBeGreaterThan(5);
  });

  it.each(marked)('lists the assumption in %s', (file) => {
    expect(doc).toContain(file);
  });
});
