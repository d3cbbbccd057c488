/**
 * Runs every check against one portal: reads the portal's facts, makes a scratch family (one owner,
 * twelve months of 2098, a client-chosen uuid and group id), runs the checks one by one, and cleans up
 * in any case: every goal target and custom record it made is archived, every scratch custom object
 * deleted. A check that throws is reported as differing, with the error, and the others still run.
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  buildSchedule,
  formatPipelineIds,
  milestoneValueFor,
  newSliceProperties,
  PROP,
} from '@goal-families/domain';
import {
  type Check,
  type Facts,
  GOAL_TARGETS,
  type Outcome,
  type ProbeContext,
  type Scratch,
  said,
} from './check';
import { CHECKS } from './checks/index';
import type { ProbeHttp } from './http';
import { waitForSearch } from './wait';

export type CheckResult = { check: Check; outcome: Outcome };
export type ProbeReport = {
  results: CheckResult[];
  /** One line per thing the probe made and could not remove; empty when it left nothing behind. */
  cleanup: string[];
  /** Why the probe could not start its checks (reading the portal or making the scratch family). */
  setupError: string | null;
  calls: number;
};

async function readFacts(http: ProbeHttp): Promise<Facts> {
  const owners = await http.request({ method: 'GET', path: '/crm/v3/owners?limit=100' });
  const pipelines = await http.request({ method: 'GET', path: '/crm/v3/pipelines/deals' });
  const properties = await http.request({ method: 'GET', path: '/crm/v3/properties/goal_targets' });
  if (owners.status !== 200) throw new Error(`reading owners: ${said(owners)}`);
  if (properties.status !== 200) throw new Error(`reading goal_targets properties: ${said(properties)}`);
  return {
    ownerIds: (owners.body?.results ?? []).map((o: { id: string }) => String(o.id)),
    dealPipelineIds:
      pipelines.status === 200
        ? (pipelines.body?.results ?? []).map((p: { id: string }) => String(p.id))
        : [],
    properties: properties.body?.results ?? [],
  };
}

async function createScratch(http: ProbeHttp, facts: Facts, track: ProbeContext['track']): Promise<Scratch> {
  const ownerId = facts.ownerIds[0];
  if (ownerId === undefined) throw new Error('the portal has no owner to assign the scratch goal to');
  const milestoneOptions = (facts.properties.find((p) => p.name === PROP.milestone)?.options ?? []).map(
    (o: { value: string }) => o.value,
  );
  const uuid = randomUUID();
  const groupId = String(randomInt(1, 2 ** 47));
  const periods = buildSchedule({ milestone: 'monthly', startDate: '2098-01-01', count: 12 });
  // One name for every slice: it is family-defining.
  const name = `Goal Families probe (scratch, ${new Date().toISOString()})`;
  const inputs = periods.map((period) => ({
    properties: newSliceProperties({
      uuid,
      groupId,
      name,
      goalType: 'sales_quota',
      milestone: milestoneValueFor('monthly', milestoneOptions) ?? 'monthly',
      pipelineIdsRaw: formatPipelineIds(facts.dealPipelineIds.slice(0, 1)),
      assignee: { kind: 'owner', id: ownerId },
      startMs: period.startMs,
      endMs: period.endMs,
      targetCents: 100n,
    }),
  }));
  const started = Date.now();
  const created = await http.request({
    method: 'POST',
    path: `${GOAL_TARGETS}/batch/create`,
    body: { inputs },
  });
  for (const r of created.body?.results ?? []) track('goal_targets', String(r.id));
  if (created.status !== 201 && created.status !== 200)
    throw new Error(`creating the scratch family: ${said(created)}`);
  const byStart = new Map<string, string>(
    (created.body.results as { id: string; properties: Record<string, string> }[]).map((r) => [
      String(Date.parse(r.properties[PROP.start] ?? '')),
      String(r.id),
    ]),
  );
  const ids = periods.map((p) => byStart.get(String(p.startMs)) ?? '');
  const searchLagMs = await waitForSearch(http, uuid, 12, started);
  return { uuid, groupId, ownerId, ids, searchLagMs };
}

/** Archives what the probe made; returns one line per thing it could not clean up. */
async function cleanUp(
  http: ProbeHttp,
  records: Map<string, Set<string>>,
  schemas: string[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const [objectType, idSet] of records) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += 100) {
      const archived = await http.request({
        method: 'POST',
        path: `/crm/v3/objects/${objectType}/batch/archive`,
        body: { inputs: ids.slice(i, i + 100).map((id) => ({ id })) },
      });
      if (archived.status !== 204 && archived.status !== 200)
        problems.push(`${objectType} ${ids.slice(i, i + 100).join(', ')} not archived: ${said(archived)}`);
    }
  }
  for (const objectType of schemas) {
    const deleted = await http.request({ method: 'DELETE', path: `/crm/v3/schemas/${objectType}` });
    if (deleted.status !== 204 && deleted.status !== 200) {
      problems.push(`custom object ${objectType} not deleted: ${said(deleted)}`);
      continue;
    }
    // A deleted schema keeps its name until it is purged.
    const purged = await http.request({
      method: 'DELETE',
      path: `/crm/v3/schemas/${objectType}?archived=true`,
    });
    if (purged.status !== 204 && purged.status !== 200 && purged.status !== 404)
      problems.push(`custom object ${objectType} not purged: ${said(purged)}`);
  }
  return problems;
}

export async function runProbe(
  http: ProbeHttp,
  options: { only?: readonly string[]; onResult?: (result: CheckResult) => void } = {},
): Promise<ProbeReport> {
  const records = new Map<string, Set<string>>();
  const schemas: string[] = [];
  const run = randomUUID().slice(0, 8);
  let counter = 0;
  const track = (objectType: string, id: string) => {
    const set = records.get(objectType) ?? new Set<string>();
    set.add(id);
    records.set(objectType, set);
  };
  const results: CheckResult[] = [];
  let setupError: string | null = null;
  let cleanup: string[] = [];
  try {
    const facts = await readFacts(http);
    const scratch = await createScratch(http, facts, track);
    const ctx: ProbeContext = {
      http,
      facts,
      scratch,
      track,
      trackSchema: (objectType) => schemas.push(objectType),
      unique: (prefix) => `${prefix}_${run}_${++counter}`,
    };
    const checks = options.only ? CHECKS.filter((c) => options.only?.includes(c.id)) : CHECKS;
    for (const check of checks) {
      let outcome: Outcome;
      try {
        outcome = await check.run(ctx);
      } catch (error) {
        outcome = { status: 'differs', answer: `the check failed: ${message(error)}` };
      }
      const result = { check, outcome };
      results.push(result);
      options.onResult?.(result);
    }
  } catch (error) {
    setupError = message(error);
  } finally {
    cleanup = await cleanUp(http, records, schemas);
  }
  return { results, cleanup, setupError, calls: http.calls() };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One line per check: `confirmed  id  assumption` or `differs  id  assumption — HubSpot answered: …`. */
export function formatResult({ check, outcome }: CheckResult): string {
  const status = outcome.status.padEnd(9);
  const line = `${status} ${check.id.padEnd(26)} ${check.assumption}`;
  return outcome.status === 'confirmed'
    ? `${line} (${outcome.answer})`
    : `${line} — HubSpot answered: ${outcome.answer}`;
}
