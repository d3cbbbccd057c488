/**
 * Tamper evidence for the app's own records (settings, journal): an HMAC-SHA256 over each record's
 * content, keyed by the app's signing secret. Anyone with custom-object write access can change a
 * record, but without the secret cannot make its signature match: the store reports such a record
 * as `tampered`, and the use cases ignore it. Why and what it cannot stop: docs/security.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The environment variable (a function secret, `secretKeys` in the function hsmeta) holding the key. */
export const SIGNING_SECRET_NAME = 'GOAL_FAMILIES_SIGNING_KEY';

export type RecordIntegrity = 'valid' | 'tampered' | 'unsigned';

/** What a signature covers: every property that decides what a record means. */
export type SignedFields = {
  uniqueKey: string;
  kind: string;
  key: string;
  familyUuid: string;
  createdAt: string;
  payload: string;
};

const SCHEME = 'v1.';

// ASSUMPTION (unverified): HubSpot reads a string property back exactly as written (no trimming or
// Unicode normalisation of the JSON payload) and a datetime property back as the same instant to the
// millisecond, though perhaps in another ISO format — so the instant, not its text, is signed.
export function signedContent(fields: SignedFields): string {
  const ms = Date.parse(fields.createdAt);
  return JSON.stringify([
    'goal-families-record',
    fields.uniqueKey,
    fields.kind,
    fields.key,
    fields.familyUuid,
    Number.isNaN(ms) ? fields.createdAt : ms,
    fields.payload,
  ]);
}

export type RecordSigner = {
  /** A key is set: records are signed and checked. */
  readonly enabled: boolean;
  /** The signature to store (empty when no key is set: nothing is signed). */
  sign(fields: SignedFields): string;
  /** Without a key nothing can be checked: every record reads as `unsigned`. */
  check(fields: SignedFields, signature: string | null | undefined): RecordIntegrity;
};

export function createRecordSigner(secret: string | undefined): RecordSigner {
  const key = secret && secret.length > 0 ? Buffer.from(secret, 'utf8') : null;
  const mac = (fields: SignedFields) =>
    createHmac('sha256', key ?? Buffer.alloc(0))
      .update(signedContent(fields))
      .digest();
  return {
    enabled: key !== null,
    sign: (fields) => (key ? `${SCHEME}${mac(fields).toString('base64url')}` : ''),
    check(fields, signature) {
      if (!signature) return 'unsigned';
      if (!key) return 'unsigned';
      if (!signature.startsWith(SCHEME)) return 'tampered';
      const given = Buffer.from(signature.slice(SCHEME.length), 'base64url');
      const expected = mac(fields);
      return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'tampered';
    },
  };
}
