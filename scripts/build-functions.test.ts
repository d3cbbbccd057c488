import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { functionUids } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { entrySource, hsmetaFor, hsmetaText, kebab } from './build-functions';

const dir = join(__dirname, '..', 'src/app/functions');

describe('app function files', () => {
  it('one hsmeta and one entry per contract uid, and no others', () => {
    const hsmeta = readdirSync(dir).filter((f) => f.endsWith('-hsmeta.json'));
    expect(hsmeta.sort()).toEqual(functionUids.map((u) => `${kebab(u)}-hsmeta.json`).sort());
    for (const uid of functionUids) {
      const text = readFileSync(join(dir, `${kebab(uid)}-hsmeta.json`), 'utf8');
      expect(JSON.parse(text)).toEqual(hsmetaFor(uid));
      // Written as the formatter writes it, so that a build never leaves the lint step a change.
      expect(text).toBe(hsmetaText(uid));
      expect(hsmetaFor(uid).config.secretKeys).toEqual(['GOAL_FAMILIES_SIGNING_KEY']);
      expect(readFileSync(join(dir, 'entries', `${kebab(uid)}.ts`), 'utf8')).toBe(entrySource(uid));
    }
  });

  it('each built bundle is self-contained CommonJS exporting main (build first)', () => {
    for (const uid of functionUids) {
      const file = join(dir, 'dist', `${kebab(uid)}.js`);
      expect(existsSync(file), file).toBe(true);
      const code = readFileSync(file, 'utf8');
      expect(code).toMatch(/module\.exports = __toCommonJS/);
      // Only Node built-ins may be required at run time.
      const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
      expect(
        requires.filter((r) => !r.startsWith('node:') && !builtinModules.includes(r)),
        uid,
      ).toEqual([]);
    }
  });
});
