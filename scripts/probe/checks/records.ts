/** How goal_targets records and their values come back: properties, types, datetimes, numbers, nulls. */
import { PROP } from '@goal-families/domain';
import { BUILT_IN_OBJECT_TYPES } from '@goal-families/emulator';
import { type Check, confirmed, differs, GOAL_TARGETS, said } from '../check';

const SYSTEM = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

export const RECORD_CHECKS: Check[] = [
  {
    id: 'goal-target-properties',
    assumption: "every goal_targets property the emulator defines exists with the emulator's type",
    where: 'GOAL_TARGET_PROPERTIES in emulator/crm/builtin-properties.ts',
    async run(ctx) {
      const emulated = BUILT_IN_OBJECT_TYPES.find((t) => t.name === 'goal_targets')?.properties ?? [];
      const portal = new Map(ctx.facts.properties.map((p) => [p.name, p]));
      const problems: string[] = [];
      for (const p of emulated) {
        const real = portal.get(p.name);
        if (!real) problems.push(`${p.name} missing`);
        else if (real.type !== p.type) problems.push(`${p.name} is ${real.type}, not ${p.type}`);
      }
      return problems.length === 0
        ? confirmed(`${emulated.length} properties with the same types`)
        : differs(problems.join('; '));
    },
  },
  {
    id: 'default-read-properties',
    assumption: 'a read that names no properties returns hs_createdate, hs_lastmodifieddate and hs_object_id',
    where: 'defaultProperties of goal_targets in emulator/crm/builtin-properties.ts',
    async run(ctx) {
      const answer = await ctx.http.request({ method: 'GET', path: `${GOAL_TARGETS}/${ctx.scratch.ids[0]}` });
      if (answer.status !== 200) return differs(said(answer));
      const names = Object.keys(answer.body.properties ?? {}).sort();
      return JSON.stringify(names) === JSON.stringify(SYSTEM)
        ? confirmed(names.join(', '))
        : differs(`properties ${JSON.stringify(names)}`);
    },
  },
  {
    id: 'system-and-null-properties',
    assumption: 'every read carries the three system properties, and an asked-for unset property is null',
    where: 'docs/emulator.md, assumption 4',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'GET',
        path: `${GOAL_TARGETS}/${ctx.scratch.ids[0]}?properties=${PROP.name},${PROP.teamId}`,
      });
      if (answer.status !== 200) return differs(said(answer));
      const p = answer.body.properties ?? {};
      const missing = SYSTEM.filter((name) => typeof p[name] !== 'string');
      if (missing.length > 0) return differs(`no ${missing.join(', ')} in ${JSON.stringify(p)}`);
      return p[PROP.teamId] === null
        ? confirmed('system properties present; unset hs_assignee_team_id is null')
        : differs(`unset hs_assignee_team_id came back as ${JSON.stringify(p[PROP.teamId])}`);
    },
  },
  {
    id: 'datetime-format',
    assumption: 'datetimes come back as ISO 8601 with milliseconds (2098-01-01T00:00:00.000Z)',
    where: 'formatStoredDatetime in emulator/crm/values.ts (the app reads any ISO form: parseInstant)',
    async run(ctx) {
      const answer = await ctx.http.request({
        method: 'GET',
        path: `${GOAL_TARGETS}/${ctx.scratch.ids[0]}?properties=${PROP.start},${PROP.end}`,
      });
      if (answer.status !== 200) return differs(said(answer));
      const start = answer.body.properties?.[PROP.start];
      const end = answer.body.properties?.[PROP.end];
      return start === '2098-01-01T00:00:00.000Z' && end === '2098-01-31T23:59:59.999Z'
        ? confirmed(`${start} … ${end}`)
        : differs(`written 2098-01-01T00:00:00.000Z … 2098-01-31T23:59:59.999Z, read ${start} … ${end}`);
    },
  },
  {
    id: 'numbers-as-written',
    assumption: 'a number property comes back as the decimal string written ("1234.50")',
    where: 'docs/emulator.md, assumption 3',
    async run(ctx) {
      const id = ctx.scratch.ids[1] as string;
      const patched = await ctx.http.request({
        method: 'PATCH',
        path: `${GOAL_TARGETS}/${id}`,
        body: { properties: { [PROP.targetAmount]: '1234.50' } },
      });
      if (patched.status !== 200) return differs(said(patched));
      const read = await ctx.http.request({
        method: 'GET',
        path: `${GOAL_TARGETS}/${id}?properties=${PROP.targetAmount}`,
      });
      const value = read.body?.properties?.[PROP.targetAmount];
      return value === '1234.50'
        ? confirmed('1234.50')
        : differs(`written "1234.50", read ${JSON.stringify(value)}`);
    },
  },
];
