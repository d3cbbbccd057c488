/**
 * The app's own store is a custom object it creates on first use. The probe makes a scratch one with
 * the same properties under a name of its own, checks what the app relies on, and deletes it.
 */

import { MAX_STRING_VALUE_LENGTH } from '@goal-families/emulator';
import { FOLLOWS_KEY, STORE_SCHEMA, UNIQUE_KEY } from '../../../src/gateway/index';
import { type Check, confirmed, differs, type ProbeContext, said } from '../check';

/** The scratch object's type id, made once per run by the first check that needs it. */
const made = new WeakMap<ProbeContext, Promise<{ objectType: string; name: string } | { error: string }>>();

function scratchObject(ctx: ProbeContext) {
  let promise = made.get(ctx);
  if (!promise) {
    promise = (async () => {
      const name = ctx.unique('gf_probe');
      const answer = await ctx.http.request({
        method: 'POST',
        path: '/crm/v3/schemas',
        body: { ...STORE_SCHEMA, name, labels: { singular: `${name} record`, plural: `${name} records` } },
      });
      if (answer.status !== 201 && answer.status !== 200) return { error: said(answer) };
      const objectType = String(answer.body.objectTypeId);
      ctx.trackSchema(objectType);
      return { objectType, name };
    })();
    made.set(ctx, promise);
  }
  return promise;
}

async function createRecord(ctx: ProbeContext, objectType: string, properties: Record<string, string>) {
  const answer = await ctx.http.request({
    method: 'POST',
    path: `/crm/v3/objects/${objectType}`,
    body: { properties },
  });
  if (answer.body?.id) ctx.track(objectType, String(answer.body.id));
  return answer;
}

export const CUSTOM_OBJECT_CHECKS: Check[] = [
  {
    id: 'app-store-object',
    assumption: `the app may create its custom object (${STORE_SCHEMA.name}) on first use, and a string property holds ${MAX_STRING_VALUE_LENGTH.toLocaleString('en-US')} characters`,
    where: 'STORE_SCHEMA in src/gateway/app-store.ts',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`creating a custom object like the app's: ${object.error}`);
      const payload = 'x'.repeat(MAX_STRING_VALUE_LENGTH);
      const created = await createRecord(ctx, object.objectType, {
        gf_kind: 'journal',
        gf_key: 'probe',
        gf_payload: payload,
      });
      if (created.status !== 201 && created.status !== 200)
        return differs(`a record with a full payload: ${said(created)}`);
      const read = await ctx.http.request({
        method: 'GET',
        path: `/crm/v3/objects/${object.objectType}/${created.body.id}?properties=gf_payload`,
      });
      const length = String(read.body?.properties?.gf_payload ?? '').length;
      return length === MAX_STRING_VALUE_LENGTH
        ? confirmed(`object ${object.objectType} made; ${length} characters kept`)
        : differs(`wrote ${MAX_STRING_VALUE_LENGTH} characters, read ${length}`);
    },
  },
  {
    id: 'text-limit',
    assumption: `a string value longer than ${MAX_STRING_VALUE_LENGTH.toLocaleString('en-US')} characters is refused (400)`,
    where: 'MAX_STRING_VALUE_LENGTH in emulator/crm/values.ts',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`no scratch object: ${object.error}`);
      const answer = await createRecord(ctx, object.objectType, {
        gf_kind: 'journal',
        gf_key: 'probe-long',
        gf_payload: 'x'.repeat(MAX_STRING_VALUE_LENGTH + 1),
      });
      return answer.status === 400 ? confirmed('400') : differs(said(answer));
    },
  },
  {
    id: 'required-properties',
    assumption: "a custom object's requiredProperties are enforced on create (400)",
    where: 'docs/emulator.md, assumption 6',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`no scratch object: ${object.error}`);
      const answer = await createRecord(ctx, object.objectType, { gf_key: 'probe-no-kind' });
      return answer.status === 400 ? confirmed('400 without gf_kind') : differs(said(answer));
    },
  },
  {
    id: 'unique-key',
    assumption: `a record whose ${UNIQUE_KEY} (hasUniqueValue) repeats another's is refused with 409, and records are read by it with idProperty (one by GET, several by batch read)`,
    where: 'isDuplicateUniqueValue and STORE_SCHEMA in src/gateway/app-store.ts',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`no scratch object: ${object.error}`);
      const key = ctx.unique('open:probe');
      const first = await createRecord(ctx, object.objectType, {
        gf_kind: 'journal',
        gf_key: key,
        [UNIQUE_KEY]: key,
      });
      if (first.status !== 201 && first.status !== 200) return differs(`the first record: ${said(first)}`);
      const second = await createRecord(ctx, object.objectType, {
        gf_kind: 'journal',
        gf_key: key,
        [UNIQUE_KEY]: key,
      });
      if (second.status !== 409) return differs(`a second record with the same key: ${said(second)}`);
      const one = await ctx.http.request({
        method: 'GET',
        path: `/crm/v3/objects/${object.objectType}/${encodeURIComponent(key)}?idProperty=${UNIQUE_KEY}`,
      });
      const batch = await ctx.http.request({
        method: 'POST',
        path: `/crm/v3/objects/${object.objectType}/batch/read`,
        body: { idProperty: UNIQUE_KEY, inputs: [{ id: key }], properties: [UNIQUE_KEY] },
      });
      const batchId = batch.body?.results?.[0]?.id;
      return String(one.body?.id) === String(first.body.id) && String(batchId) === String(first.body.id)
        ? confirmed('409 for the second; found by key with GET and batch read')
        : differs(`read by key: GET ${said(one)}; batch read ${said(batch)}`);
    },
  },
  {
    id: 'follows-claim',
    assumption: `an object may have a second unique property (${FOLLOWS_KEY}); a value it holds is refused to another record (409) until its holder is updated to an empty string`,
    where: 'FOLLOWS_KEY in src/gateway/app-store.ts',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`no scratch object: ${object.error}`);
      const claim = ctx.unique('probe:follows');
      const record = (key: string) => ({ gf_kind: 'journal', gf_key: key, [FOLLOWS_KEY]: claim });
      const holder = await createRecord(ctx, object.objectType, record(ctx.unique('probe-a')));
      if (holder.status !== 201 && holder.status !== 200) return differs(`the first claim: ${said(holder)}`);
      const refused = await createRecord(ctx, object.objectType, record(ctx.unique('probe-b')));
      if (refused.status !== 409) return differs(`a second claim while held: ${said(refused)}`);
      const released = await ctx.http.request({
        method: 'PATCH',
        path: `/crm/v3/objects/${object.objectType}/${holder.body.id}`,
        body: { properties: { [FOLLOWS_KEY]: '' } },
      });
      if (released.status !== 200) return differs(`clearing the claim: ${said(released)}`);
      const taken = await createRecord(ctx, object.objectType, record(ctx.unique('probe-c')));
      if (taken.status !== 201 && taken.status !== 200)
        return differs(`claiming once released: ${said(taken)}`);
      return confirmed('409 while held; free again once cleared');
    },
  },
  {
    id: 'duplicate-schema',
    assumption: 'a second custom object with the same name is refused with 409',
    where: 'createSchema in emulator/crm/schemas-api.ts',
    async run(ctx) {
      const object = await scratchObject(ctx);
      if ('error' in object) return differs(`no scratch object: ${object.error}`);
      const answer = await ctx.http.request({
        method: 'POST',
        path: '/crm/v3/schemas',
        body: { ...STORE_SCHEMA, name: object.name, labels: { singular: 'again', plural: 'again' } },
      });
      if (answer.body?.objectTypeId) ctx.trackSchema(String(answer.body.objectTypeId));
      return answer.status === 409 ? confirmed('409') : differs(said(answer));
    },
  },
];
