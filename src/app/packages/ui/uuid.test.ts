import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newUuid } from './uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newUuid', () => {
  it('sets the version and variant bits whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const fill = (target: Uint8Array) => {
          target.set(bytes);
          return target;
        };
        expect(newUuid(fill)).toMatch(V4);
      }),
    );
  });
  it('is deterministic given the bytes', () => {
    expect(newUuid((t) => t.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newUuid((t) => t.fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
  it('uses crypto.getRandomValues by default', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newUuid()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
