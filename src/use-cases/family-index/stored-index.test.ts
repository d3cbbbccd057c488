/** Patching the stored index: which records a change writes back. */
import { describe, expect, it } from 'vitest';
import { INDEX_META_KEY, type IndexRow, pageKey, patchedRecords, type StoredIndex } from './stored-index';

const row = (uuid: string, name = 'Quota'): IndexRow => [
  uuid,
  name,
  'sales_quota',
  'monthly',
  ['1'],
  [],
  12,
  0,
  1,
  1,
  0,
  0,
];
const index = (pages: IndexRow[][]): StoredIndex => ({
  meta: { gen: 'a', run: 7, pages: pages.length, builtAt: 0, watermark: 100, complete: true },
  pages,
});
const keys = (r: ReturnType<typeof patchedRecords>) => r?.records.map((x) => x.key);
const AT = '2026-12-01T00:00:00.000Z';

describe('patchedRecords', () => {
  it('a changed row: its page only — never a meta a health check finishing meanwhile may have replaced', () => {
    const patched = patchedRecords(
      index([[row('u1')], [row('u2')]]),
      new Map([['u2', row('u2', 'New')]]),
      100,
      65_000,
      AT,
    );
    expect(keys(patched)).toEqual([pageKey('a', 2)]);
    expect(patched?.index.pages[1]?.[0]?.[1]).toBe('New');
  });

  it('a new page or a later watermark: the meta too', () => {
    const full = index([[row('u1')]]);
    expect(keys(patchedRecords(full, new Map([['u3', row('u3')]]), 100, 80, AT))).toEqual([
      pageKey('a', 2),
      INDEX_META_KEY,
    ]);
    expect(keys(patchedRecords(full, new Map([['u1', row('u1', 'New')]]), 200, 65_000, AT))).toEqual([
      pageKey('a', 1),
      INDEX_META_KEY,
    ]);
  });
});
