import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordSigner, type SignedFields, signedContent } from './record-signature';

const fields: SignedFields = {
  uniqueKey: 'settings',
  kind: 'settings',
  key: 'settings',
  familyUuid: '',
  createdAt: '2026-12-01T10:00:00.000Z',
  payload: '{"editors":{"superAdmins":true,"userIds":[],"teamIds":[]}}',
};

describe('record signatures', () => {
  const signer = createRecordSigner('a-key-of-some-length-0123456789');

  it('a record reads valid as written, and tampered when any signed field changes', () => {
    const signature = signer.sign(fields);
    expect(signature).toMatch(/^v1\.[A-Za-z0-9_-]{43}$/);
    expect(signer.check(fields, signature)).toBe('valid');
    fc.assert(
      fc.property(
        fc.constantFrom<keyof SignedFields>('uniqueKey', 'kind', 'key', 'familyUuid', 'payload'),
        fc.string({ minLength: 1, maxLength: 20 }),
        (field, extra) => {
          expect(signer.check({ ...fields, [field]: `${fields[field]}${extra}` }, signature)).toBe(
            'tampered',
          );
        },
      ),
    );
    expect(signer.check({ ...fields, createdAt: '2099-01-01T00:00:00.000Z' }, signature)).toBe('tampered');
  });

  it('the instant is signed, not its text: another ISO spelling of the same moment still checks', () => {
    const signature = signer.sign(fields);
    expect(signer.check({ ...fields, createdAt: '2026-12-01T10:00:00Z' }, signature)).toBe('valid');
    expect(signedContent({ ...fields, createdAt: '2026-12-01T10:00:00Z' })).toBe(signedContent(fields));
  });

  it('no signature is unsigned; a signature of another key, scheme or length is tampered', () => {
    expect(signer.check(fields, undefined)).toBe('unsigned');
    expect(signer.check(fields, '')).toBe('unsigned');
    expect(signer.check(fields, createRecordSigner('another-key-0123456789abcdef').sign(fields))).toBe(
      'tampered',
    );
    expect(signer.check(fields, signer.sign(fields).replace('v1.', 'v2.'))).toBe('tampered');
    expect(signer.check(fields, 'v1.short')).toBe('tampered');
  });

  it('without a key nothing is signed and nothing can be checked', () => {
    const none = createRecordSigner(undefined);
    expect(none.enabled).toBe(false);
    expect(none.sign(fields)).toBe('');
    expect(none.check(fields, signer.sign(fields))).toBe('unsigned');
    expect(createRecordSigner('').enabled).toBe(false);
  });
});
