/** Search: the IN filter's size, lag, order, and how filters treat missing values, case and paging. */
import { randomUUID } from 'node:crypto';
import { compareIds, PROP } from '@goal-families/domain';
import { MAX_IN_VALUES } from '../../../src/gateway/index';
import { type Check, confirmed, differs, GOAL_TARGETS, type ProbeContext, said } from '../check';
import { waitForSearch } from '../wait';

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };

const search = (ctx: ProbeContext, filters: Filter[], extra: Record<string, unknown> = {}) =>
  ctx.http.request({
    method: 'POST',
    path: `${GOAL_TARGETS}/search`,
    body: { filterGroups: [{ filters }], properties: [PROP.name], limit: 100, ...extra },
  });

const ofScratch = (ctx: ProbeContext): Filter => ({
  propertyName: PROP.uuid,
  operator: 'EQ',
  value: ctx.scratch.uuid,
});

/** HubSpot's "a few moments" of search lag, as the app's retry of a create relies on. */
export const SEARCH_LAG_BOUND_MS = 10_000;

export const SEARCH_CHECKS: Check[] = [
  {
    id: 'in-filter-size',
    assumption: `a search IN filter accepts ${MAX_IN_VALUES} values`,
    where: 'MAX_IN_VALUES in src/gateway/goal-targets-gateway.ts',
    async run(ctx) {
      const values = [ctx.scratch.uuid, ...Array.from({ length: MAX_IN_VALUES - 1 }, () => randomUUID())];
      const answer = await search(ctx, [{ propertyName: PROP.uuid, operator: 'IN', values }]);
      return answer.status === 200 && answer.body.total === 12
        ? confirmed(`${values.length} values, the scratch family found`)
        : differs(said(answer));
    },
  },
  {
    id: 'search-lag',
    assumption: `created records show in search within HubSpot's "few moments" (at most ${SEARCH_LAG_BOUND_MS / 1000} s, the create retry's wait)`,
    where: 'docs/assumptions.md, "What the platform is assumed to do"',
    async run(ctx) {
      const lag = ctx.scratch.searchLagMs;
      return lag <= SEARCH_LAG_BOUND_MS
        ? confirmed(`the scratch family showed after ${lag} ms`)
        : differs(`the scratch family showed after ${lag} ms`);
    },
  },
  {
    id: 'search-default-order',
    assumption: 'search without a sort returns records in id order',
    where: 'docs/emulator.md, assumption 10',
    async run(ctx) {
      const answer = await search(ctx, [ofScratch(ctx)]);
      const ids = (answer.body?.results ?? []).map((r: { id: string }) => String(r.id));
      const sorted = [...ids].sort(compareIds);
      return answer.status === 200 && ids.length === 12 && JSON.stringify(ids) === JSON.stringify(sorted)
        ? confirmed('id order')
        : differs(`ids ${JSON.stringify(ids)}`);
    },
  },
  {
    id: 'search-neq-missing',
    assumption: 'NEQ matches records that do not have the property',
    where: 'docs/emulator.md, assumption 10',
    async run(ctx) {
      const answer = await search(ctx, [
        ofScratch(ctx),
        { propertyName: PROP.teamId, operator: 'NEQ', value: '1' },
      ]);
      return answer.status === 200 && answer.body.total === 12
        ? confirmed('12 of 12 (none has a team)')
        : differs(said(answer));
    },
  },
  {
    id: 'search-ignores-case',
    assumption: 'string filters compare without regard to case',
    where: 'docs/emulator.md, assumption 10',
    async run(ctx) {
      const name = (
        await ctx.http.request({
          method: 'GET',
          path: `${GOAL_TARGETS}/${ctx.scratch.ids[0]}?properties=${PROP.name}`,
        })
      ).body?.properties?.[PROP.name];
      const answer = await search(ctx, [
        ofScratch(ctx),
        { propertyName: PROP.name, operator: 'EQ', value: String(name).toUpperCase() },
      ]);
      return answer.status === 200 && answer.body.total === 12
        ? confirmed('found upper-cased')
        : differs(said(answer));
    },
  },
  {
    id: 'search-unknown-property',
    assumption: 'a filter on an unknown property is refused (400)',
    where: 'docs/emulator.md, assumption 10',
    async run(ctx) {
      const answer = await search(ctx, [
        { propertyName: 'probe_no_such_property', operator: 'EQ', value: 'x' },
      ]);
      return answer.status === 400 ? confirmed('400') : differs(said(answer));
    },
  },
  {
    id: 'search-paging-cap',
    assumption: 'search pages stop at 10,000 results: asking past them is refused (400)',
    where: 'LIMITS.searchResultCap in src/gateway/paths.ts',
    async run(ctx) {
      const answer = await search(ctx, [], { after: '10000' });
      return answer.status === 400 ? confirmed('400 at after=10000') : differs(said(answer));
    },
  },
  {
    id: 'search-archive-at-once',
    assumption: 'an archived record leaves search at once (while creates show after a lag)',
    where: 'docs/emulator.md, assumption 10',
    async run(ctx) {
      const uuid = randomUUID();
      const created = await ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/batch/create`,
        body: {
          inputs: [
            {
              properties: {
                [PROP.uuid]: uuid,
                [PROP.groupId]: ctx.scratch.groupId,
                [PROP.name]: 'Goal Families probe (scratch)',
                [PROP.start]: '2098-01-01T00:00:00.000Z',
                [PROP.end]: '2098-01-31T23:59:59.999Z',
                [PROP.targetAmount]: '1.00',
                [PROP.ownerId]: ctx.scratch.ownerId,
              },
            },
          ],
        },
      });
      const id = created.body?.results?.[0]?.id;
      if (!id) return differs(`creating a scratch record: ${said(created)}`);
      ctx.track('goal_targets', String(id));
      await waitForSearch(ctx.http, uuid, 1);
      const archived = await ctx.http.request({ method: 'DELETE', path: `${GOAL_TARGETS}/${id}` });
      if (archived.status !== 204) return differs(`archiving: ${said(archived)}`);
      const after = await search(ctx, [{ propertyName: PROP.uuid, operator: 'EQ', value: uuid }]);
      return after.status === 200 && after.body.total === 0
        ? confirmed('gone from search right after the archive')
        : differs(`right after the archive search still found ${after.body?.total}`);
    },
  },
];
