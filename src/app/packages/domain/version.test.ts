// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyVersion, fnv1a64 } from './version';

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('%j → %s (published test vectors)', (s, h) => expect(fnv1a64(s)).toBe(h));
});

describe('familyVersion', () => {
  const t = (id: string, modified?: string) => ({ id, properties: { hs_lastmodifieddate: modified } });

  it('ignores order and the spelling of the instant', () => {
    const a = familyVersion([t('1', '2026-01-01T00:00:00.000Z'), t('2', '2026-01-02T00:00:00.000Z')]);
    const b = familyVersion([t('2', '1767312000000'), t('1', '2026-01-01T00:00:00Z')]);
    expect(a).toBe(b);
    expect(a).toMatch(/^v1-2-[0-9a-f]{16}$/);
  });

  it('changes when a slice is added, removed or modified (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        (ids, bump) => {
          const base = ids.map((id) => t(String(id), String(1_767_225_600_000 + id)));
          const v = familyVersion(base);
          expect(familyVersion(base.slice(1))).not.toBe(v);
          expect(familyVersion([...base, t('0', '1')])).not.toBe(v);
          const changed = base.map((x, i) =>
            i === 0 ? t(x.id, String(1_767_225_600_001 + ids[0]! + bump)) : x,
          );
          expect(familyVersion(changed)).not.toBe(v);
        },
      ),
    );
    expect(familyVersion([t('1')])).toBe(familyVersion([t('1', '')]));
  });
});
