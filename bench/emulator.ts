/**
 * Emulator benchmark, with the emulator in its own process (as in `npm start`) and a keep-alive HTTP
 * client here: simple GETs per second over loopback (bounded: 5 s), then search page times over a
 * generated portal of 100,000 goal targets.
 * Run: `npx tsx bench/emulator.ts [--seconds 5] [--targets 100000] [--concurrency 8]`.
 */
import { Agent, request } from 'node:http';
import { type EmulatorProcess, startEmulatorProcess } from './runner/processes';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const seconds = argument('--seconds', 5);
const targetCount = argument('--targets', 100_000);
const concurrency = argument('--concurrency', 8);
const TOKEN = 'emulator-token';

type Running = EmulatorProcess;

const stop = (running: Running) => running.stop();

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function simpleRequestsPerSecond(): Promise<void> {
  const running = await startEmulatorProcess([]);
  const page = JSON.parse(
    (await call(running.baseUrl, 'GET', '/crm/v3/objects/goal_targets?limit=100')).text,
  ) as {
    results: Array<{ id: string }>;
  };
  const ids = page.results.map((result) => result.id);
  const deadline = performance.now() + seconds * 1_000;
  let done = 0;
  let failed = 0;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i += concurrency) {
      const response = await call(
        running.baseUrl,
        'GET',
        `/crm/v3/objects/goal_targets/${ids[i % ids.length]}?properties=hs_goal_name`,
      );
      if (response.status === 200) done++;
      else failed++;
    }
  };
  const cpuBefore = await emulatorCpuMs(running.baseUrl);
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, offset) => worker(offset)));
  const elapsed = (performance.now() - started) / 1_000;
  const cpuSeconds = ((await emulatorCpuMs(running.baseUrl)) - cpuBefore) / 1_000;
  const counters = JSON.parse((await call(running.baseUrl, 'GET', '/__emulator/counters')).text) as {
    counters: Record<string, number>;
  };
  console.log(
    `simple GET by id: ${(done / elapsed).toFixed(0)} requests/s (${done} in ${elapsed.toFixed(1)} s, concurrency ${concurrency}, ${failed} failed; emulator counted ${counters.counters['GET /crm/v3/objects/goal_targets/{id}']})`,
  );
  console.log(
    `  emulator CPU: ${cpuSeconds.toFixed(2)} s for ${done} requests → ${(done / cpuSeconds).toFixed(0)} requests per CPU-second (capacity on one free core)`,
  );
  await stop(running);
}

async function emulatorCpuMs(baseUrl: string): Promise<number> {
  return (JSON.parse((await call(baseUrl, 'GET', '/__emulator/health')).text) as { cpuMs: number }).cpuMs;
}

async function searchOverLargePortal(): Promise<void> {
  const running = await startEmulatorProcess(['--generate', String(targetCount)]);
  console.log(
    `emulator with ${targetCount} generated targets ready in ${running.startupMs.toFixed(0)} ms (process start, generate, load)`,
  );
  const sample = JSON.parse(
    (
      await call(
        running.baseUrl,
        'GET',
        `/crm/v3/objects/goal_targets?limit=1&after=${20_000_000_001 + Math.floor(targetCount / 2)}&properties=hs_group_correlation_uuid,hubspot_owner_id`,
      )
    ).text,
  ) as { results: Array<{ properties: Record<string, string> }> };
  const uuid = sample.results[0]?.properties.hs_group_correlation_uuid ?? '';
  const owner = sample.results[0]?.properties.hubspot_owner_id ?? '';
  const start2026 = String(Date.parse('2026-01-01T00:00:00Z'));
  const end2026 = String(Date.parse('2026-12-31T23:59:59.999Z'));
  const queries: Record<string, object> = {
    'family by uuid (EQ)': {
      filterGroups: [
        { filters: [{ propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid }] },
      ],
      limit: 200,
    },
    'owner + 2026 range, sorted by start desc': {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hubspot_owner_id', operator: 'EQ', value: owner },
            { propertyName: 'hs_start_datetime', operator: 'BETWEEN', value: start2026, highValue: end2026 },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_start_datetime', direction: 'DESCENDING' }],
      properties: ['hs_goal_name', 'hs_target_amount', 'hs_start_datetime'],
      limit: 200,
    },
    'name token, page 50 (after=9800)': {
      filterGroups: [
        { filters: [{ propertyName: 'hs_goal_name', operator: 'CONTAINS_TOKEN', value: 'generated' }] },
      ],
      limit: 200,
      after: '9800',
    },
    'no filter, first page of 200': { limit: 200 },
  };
  for (const [label, body] of Object.entries(queries)) {
    const times: number[] = [];
    let total = 0;
    const runs = 15;
    const cpuBefore = await emulatorCpuMs(running.baseUrl);
    for (let run = 0; run < runs; run++) {
      const t = performance.now();
      const response = await call(running.baseUrl, 'POST', '/crm/v3/objects/goal_targets/search', body);
      times.push(performance.now() - t);
      total = (JSON.parse(response.text) as { total?: number }).total ?? -1;
    }
    const cpuPerSearch = ((await emulatorCpuMs(running.baseUrl)) - cpuBefore) / runs;
    console.log(
      `search "${label}": median ${percentile(times, 50).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms, emulator CPU ${cpuPerSearch.toFixed(1)} ms per search (total ${total})`,
    );
  }
  await stop(running);
}

await simpleRequestsPerSecond();
await searchOverLargePortal();
agent.destroy();
