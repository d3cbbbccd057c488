/** Writes: what HubSpot keeps, clears, refuses, and how batch answers look when part of a call fails. */
import { randomUUID } from 'node:crypto';
import { CLEARED, formatPipelineIds, PIPELINE_IDS_SEPARATOR, PROP, parseMoney } from '@goal-families/domain';
import { WRITE_ANSWERS_SHOW_STORED_VALUES } from '../../../src/gateway/index';
import { type Check, confirmed, differs, GOAL_TARGETS, type ProbeContext, said, unchecked } from '../check';

const read = (ctx: ProbeContext, id: string, properties: string[]) =>
  ctx.http.request({ method: 'GET', path: `${GOAL_TARGETS}/${id}?properties=${properties.join(',')}` });

/** A slice's properties like the scratch family's, for scratch writes outside it. */
function scratchSlice(ctx: ProbeContext, change: Record<string, string> = {}) {
  return {
    [PROP.uuid]: randomUUID(),
    [PROP.groupId]: ctx.scratch.groupId,
    [PROP.name]: 'Goal Families probe (scratch)',
    [PROP.goalType]: 'sales_quota',
    [PROP.start]: '2098-01-01T00:00:00.000Z',
    [PROP.end]: '2098-01-31T23:59:59.999Z',
    [PROP.targetAmount]: '1.00',
    [PROP.ownerId]: ctx.scratch.ownerId,
    ...change,
  };
}

/** Tracks whatever a batch answer created, so that the cleanup archives it. */
function trackCreated(ctx: ProbeContext, body: { results?: { id: string }[] } | null) {
  for (const r of body?.results ?? []) ctx.track('goal_targets', String(r.id));
}

export const WRITE_CHECKS: Check[] = [
  {
    id: 'pipeline-ids-separator',
    assumption: `hs_pipeline_ids holds several pipeline ids separated by "${PIPELINE_IDS_SEPARATOR}"`,
    where: 'PIPELINE_IDS_SEPARATOR in src/app/packages/domain/properties.ts',
    async run(ctx) {
      const definition = ctx.facts.properties.find((p) => p.name === PROP.pipelineIds);
      const ids = ctx.facts.dealPipelineIds.slice(0, 2);
      if (ids.length < 2)
        return differs(`the portal has ${ids.length} deal pipeline(s); two are needed to check`);
      const value = formatPipelineIds(ids);
      const id = ctx.scratch.ids[2] as string;
      const written = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/update`,
        body: { inputs: [{ id, properties: { [PROP.pipelineIds]: value } }] },
      });
      const kind = `${definition?.type ?? '?'}/${definition?.fieldType ?? '?'}`;
      if (written.status !== 200) return differs(`writing "${value}" (${kind}): ${said(written)}`);
      const back = (await read(ctx, id, [PROP.pipelineIds])).body?.properties?.[PROP.pipelineIds];
      return back === value
        ? confirmed(`"${value}" read back as written (${kind})`)
        : differs(`wrote "${value}" (${kind}), read ${JSON.stringify(back)}`);
    },
  },
  {
    id: 'cleared-by-empty-string',
    assumption: 'an empty string clears a property',
    where: 'CLEARED in src/app/packages/domain/properties.ts',
    async run(ctx) {
      const id = ctx.scratch.ids[3] as string;
      const update = (value: string) =>
        ctx.http.request({
          method: 'POST',
          path: `${GOAL_TARGETS}/batch/update`,
          body: { inputs: [{ id, properties: { [PROP.kpiValue]: value } }] },
        });
      const set = await update('5.00');
      if (set.status !== 200) return differs(`setting hs_kpi_value: ${said(set)}`);
      const cleared = await update(CLEARED);
      if (cleared.status !== 200) return differs(`clearing with "": ${said(cleared)}`);
      const back = (await read(ctx, id, [PROP.kpiValue])).body?.properties?.[PROP.kpiValue];
      return back === null || back === undefined || back === ''
        ? confirmed(`hs_kpi_value read back as ${JSON.stringify(back ?? null)}`)
        : differs(`hs_kpi_value read back as ${JSON.stringify(back)} after writing ""`);
    },
  },
  {
    id: 'client-chosen-group-id',
    assumption: 'a client may choose hs_goal_target_group_id on batch create',
    where: 'clientChosenGroupId in src/app/packages/domain/plans/group-id.ts',
    async run(ctx) {
      const answer = await read(ctx, ctx.scratch.ids[0] as string, [PROP.groupId, PROP.uuid]);
      const p = answer.body?.properties ?? {};
      return p[PROP.groupId] === ctx.scratch.groupId && p[PROP.uuid] === ctx.scratch.uuid
        ? confirmed(`group id ${ctx.scratch.groupId} kept`)
        : differs(`chose ${ctx.scratch.groupId}, read ${JSON.stringify(p[PROP.groupId])}`);
    },
  },
  {
    id: 'unknown-owner-refused',
    assumption: 'writing an unknown owner id is refused with 400 VALIDATION_ERROR, nothing created',
    where: 'docs/emulator.md, assumption 6',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/create`,
        body: { inputs: [{ properties: scratchSlice(ctx, { [PROP.ownerId]: '1' }) }] },
      });
      trackCreated(ctx, answer.body);
      return answer.status === 400 && answer.body?.category === 'VALIDATION_ERROR'
        ? confirmed('400 VALIDATION_ERROR')
        : differs(said(answer));
    },
  },
  {
    id: 'batch-create-all-or-nothing',
    assumption:
      'batch create without trace ids fails as a whole (400) on one bad input; with a trace id on every input it answers 207, creating the good ones',
    where: 'docs/emulator.md, assumption 7',
    async run(ctx) {
      const bad = { properties: { ...scratchSlice(ctx), probe_no_such_property: 'x' } };
      const whole = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/create`,
        body: { inputs: [{ properties: scratchSlice(ctx) }, bad] },
      });
      trackCreated(ctx, whole.body);
      if (whole.status !== 400 || (whole.body?.results ?? []).length > 0)
        return differs(`without trace ids: ${said(whole)}`);
      const traced = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/create`,
        body: {
          inputs: [
            { properties: scratchSlice(ctx), objectWriteTraceId: 'probe-good' },
            { ...bad, objectWriteTraceId: 'probe-bad' },
          ],
        },
      });
      trackCreated(ctx, traced.body);
      const error = traced.body?.errors?.[0];
      return traced.status === 207 &&
        traced.body?.results?.length === 1 &&
        traced.body?.numErrors === 1 &&
        JSON.stringify(error?.context?.objectWriteTraceId) === JSON.stringify(['probe-bad'])
        ? confirmed('400 without trace ids; 207 with one result and the bad trace id in errors[0].context')
        : differs(`with trace ids: ${said(traced)}`);
    },
  },
  {
    id: 'batch-update-whole-call',
    assumption: 'batch update with a bad property in one input refuses the whole call (400)',
    where: 'docs/emulator.md, assumption 7',
    async run(ctx) {
      const [a, b] = ctx.scratch.ids as [string, string];
      const answer = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/update`,
        body: {
          inputs: [
            { id: a, properties: { [PROP.targetAmount]: '2.00' } },
            { id: b, properties: { probe_no_such_property: 'x' } },
          ],
        },
      });
      if (answer.status !== 400) return differs(said(answer));
      const back = (await read(ctx, a, [PROP.targetAmount])).body?.properties?.[PROP.targetAmount];
      return back !== '2.00'
        ? confirmed('400, the good input not applied')
        : differs('400, but the good input was applied');
    },
  },
  {
    id: 'batch-read-207',
    assumption:
      'batch read with an unknown id answers 207: the known records, and one OBJECT_NOT_FOUND error listing the ids',
    where: 'docs/emulator.md, "HubSpot behaviour implemented" (207 bodies)',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/read`,
        body: { inputs: [{ id: ctx.scratch.ids[0] }, { id: '1' }], properties: [PROP.name] },
      });
      const error = answer.body?.errors?.[0];
      return answer.status === 207 &&
        answer.body?.status === 'COMPLETE' &&
        answer.body?.results?.length === 1 &&
        error?.category === 'OBJECT_NOT_FOUND' &&
        JSON.stringify(error?.context?.ids) === JSON.stringify(['1'])
        ? confirmed('207 COMPLETE, errors[0] OBJECT_NOT_FOUND with context.ids ["1"]')
        : differs(said(answer));
    },
  },
  {
    id: 'batch-input-limit',
    assumption: 'a batch call with more than 100 inputs is refused (400)',
    where: 'LIMITS.batchInputs in src/gateway/paths.ts',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/read`,
        body: {
          inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) })),
          properties: [PROP.name],
        },
      });
      return answer.status === 400 ? confirmed('400') : differs(said(answer));
    },
  },
  {
    id: 'write-answers-show-values',
    assumption:
      'a batch update answers with the record as HubSpot holds it after the write: the property written, with the value a read then returns, and hs_lastmodifieddate',
    where: 'WRITE_ANSWERS_SHOW_STORED_VALUES in src/gateway/objects.ts',
    async run(ctx) {
      if (!WRITE_ANSWERS_SHOW_STORED_VALUES) return unchecked('the app reads every write back by id');
      const id = ctx.scratch.ids[4] as string;
      const sent = '4321.5';
      const answer = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/update`,
        body: {
          inputs: [{ id, properties: { [PROP.targetAmount]: sent }, objectWriteTraceId: 'probe-answer' }],
        },
      });
      if (answer.status !== 200) return differs(said(answer));
      const shown = answer.body?.results?.[0]?.properties ?? {};
      const back = (await read(ctx, id, [PROP.targetAmount])).body?.properties?.[PROP.targetAmount];
      const value = shown[PROP.targetAmount];
      if (value === undefined) return differs(`the answer leaves ${PROP.targetAmount} out`);
      if (value !== back)
        return differs(`the answer shows ${JSON.stringify(value)}, a read ${JSON.stringify(back)}`);
      if (parseMoney(String(value)) !== parseMoney(sent))
        return differs(`sent "${sent}", answered ${JSON.stringify(value)}`);
      return shown[PROP.lastModified]
        ? confirmed(`sent "${sent}"; answered and read ${JSON.stringify(value)}, with hs_lastmodifieddate`)
        : differs('the answer leaves hs_lastmodifieddate out');
    },
  },
  {
    id: 'delete-unknown-id',
    assumption: 'DELETE of an unknown id answers 204',
    where: 'docs/emulator.md, assumption 9',
    async run(ctx) {
      const answer = await ctx.http.request({ method: 'DELETE', path: `${GOAL_TARGETS}/1` });
      return answer.status === 204 ? confirmed('204') : differs(said(answer));
    },
  },
];
