/** The portal around the goals: teams, errors, and how goals made outside the app store their periods. */
import {
  detectConvention,
  groupFamilies,
  isLocalMidnight,
  PROP,
  parseTarget,
  READ_PROPERTIES,
} from '@goal-families/domain';
import { paths } from '../../../src/gateway/index';
import { type Check, confirmed, differs, GOAL_TARGETS, said, unchecked } from '../check';

/** How many goal targets the convention check reads at most (five search pages). */
const SAMPLE = 1_000;

export const PORTAL_CHECKS: Check[] = [
  {
    id: 'teams-path',
    assumption: `teams come from ${paths.teams()} as { results: [{ id, name }] }`,
    where: 'paths.teams in src/gateway/paths.ts',
    async run(ctx) {
      const answer = await ctx.http.request({ method: 'GET', path: paths.teams() });
      const results = answer.body?.results;
      return answer.status === 200 &&
        Array.isArray(results) &&
        results.every(
          (t: { id?: unknown; name?: unknown }) => t.id !== undefined && typeof t.name === 'string',
        )
        ? confirmed(`${results.length} teams`)
        : differs(said(answer));
    },
  },
  {
    id: 'existing-goals-convention',
    assumption:
      "goals made outside the app start on a time zone's midnights and end on the last millisecond or the next period's first",
    where: 'DEFAULT_CONVENTION and detectConvention in src/app/packages/domain/convention.ts',
    async run(ctx) {
      const records = [];
      let after: string | undefined;
      do {
        const page = await ctx.http.request({
          method: 'POST',
          path: `${GOAL_TARGETS}/search`,
          body: {
            filterGroups: [{ filters: [{ propertyName: PROP.uuid, operator: 'HAS_PROPERTY' }] }],
            properties: READ_PROPERTIES,
            limit: 200,
            ...(after ? { after } : {}),
          },
        });
        if (page.status !== 200) return differs(said(page));
        records.push(...page.body.results);
        after = page.body.paging?.next?.after;
      } while (after && records.length < SAMPLE);
      const families = groupFamilies(records.map(parseTarget)).families.filter(
        (f) => f.uuid !== ctx.scratch.uuid,
      );
      if (families.length === 0)
        return unchecked('no goals in this portal to look at (make one in HubSpot first)');
      const zones = new Map<string, number>();
      const styles = new Map<string, number>();
      const unfit: string[] = [];
      for (const family of families) {
        const convention = detectConvention(family.slices);
        const fits = family.slices.some(
          (s) => s.startMs !== null && isLocalMidnight(s.startMs, convention.timeZone),
        );
        if (!fits) unfit.push(family.name.value || family.uuid);
        zones.set(convention.timeZone, (zones.get(convention.timeZone) ?? 0) + 1);
        styles.set(convention.endStyle, (styles.get(convention.endStyle) ?? 0) + 1);
      }
      const seen = `${families.length} families: ${[...styles].map(([k, v]) => `${v} ${k}`).join(', ')} ends; zones ${[...zones].map(([k, v]) => `${k} ×${v}`).join(', ')}`;
      return unfit.length === 0
        ? confirmed(seen)
        : differs(`${seen}; no start on any midnight: ${unfit.slice(0, 5).join(', ')}`);
    },
  },
  {
    id: 'auth-error-body',
    assumption:
      "a wrong token answers 401 with HubSpot's error body (status, message, correlationId, category)",
    where: 'docs/emulator.md, "HubSpot behaviour implemented" (auth); assumption 12',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'GET',
        path: `${GOAL_TARGETS}?limit=1`,
        token: 'not-a-token',
        raw: true,
      });
      const b = answer.body ?? {};
      return answer.status === 401 &&
        b.status === 'error' &&
        typeof b.message === 'string' &&
        typeof b.correlationId === 'string' &&
        b.category === 'INVALID_AUTHENTICATION'
        ? confirmed('401 INVALID_AUTHENTICATION')
        : differs(said(answer));
    },
  },
  {
    id: 'list-order',
    assumption: 'listing goal targets pages in id order, and `after` is the last id of the page',
    where: 'docs/emulator.md, assumption 9',
    async run(ctx) {
      const answer = await ctx.http.request({ method: 'GET', path: `${GOAL_TARGETS}?limit=5` });
      if (answer.status !== 200) return differs(said(answer));
      const ids = (answer.body.results ?? []).map((r: { id: string }) => String(r.id));
      const next = answer.body.paging?.next?.after;
      const sorted = [...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      if (JSON.stringify(ids) !== JSON.stringify(sorted)) return differs(`ids ${JSON.stringify(ids)}`);
      if (ids.length < 5) return confirmed(`id order (${ids.length} records, one page)`);
      return next !== undefined && BigInt(next) >= BigInt(ids.at(-1) as string)
        ? confirmed(`id order, after ${next}`)
        : differs(`ids ${JSON.stringify(ids)}, after ${JSON.stringify(next)}`);
    },
  },
];
