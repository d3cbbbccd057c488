/**
 * HubSpot builds the card and the settings page each from its own folder, so code both need lives
 * in `cards/shared/` and a copy in `settings/shared/`. This keeps the copy exact: edit
 * `cards/shared/` and run `cp -r src/app/cards/shared/. src/app/settings/shared/` (tests are not copied).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../../cards/shared');
const copy = path.resolve(here, '../shared');

function files(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return files(root, rel);
    return /\.test\.tsx?$/.test(name) ? [] : [rel];
  });
}

describe('settings/shared', () => {
  it('is an exact copy of cards/shared', () => {
    const expected = files(source).sort();
    expect(files(copy).sort()).toEqual(expected);
    for (const file of expected) {
      expect(readFileSync(path.join(copy, file), 'utf8'), file).toBe(
        readFileSync(path.join(source, file), 'utf8'),
      );
    }
  });
});
