/**
 * Domain benchmark (no assertions): generates 100,000 realistic goal targets with a deterministic
 * PRNG, then times parsing, grouping and auditing (median of several runs) and reports memory.
 * Run: npm run bench:domain [-- --targets 100000 --runs 7]
 */

import {
  auditFamilies,
  buildSchedule,
  formatInstant,
  groupFamilies,
  type Milestone,
  PROP,
  parseTarget,
  type RawGoalTarget,
  spreadEven,
} from '@goal-families/domain';
import { mulberry32 } from '@goal-families/emulator';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGETS = arg('targets', 100_000);
const RUNS = arg('runs', 7);
const ZONE = 'Europe/Berlin';

const prng = mulberry32;

function uuidFrom(rand: () => number): string {
  const hex = () => Math.floor(rand() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

/** ~90% healthy families; the rest carry one realistic kind of breakage each. */
function generate(count: number): RawGoalTarget[] {
  const rand = prng(20260101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: RawGoalTarget[] = [];
  let id = 100_000_000;
  let groupId = 5_000_000;
  while (out.length < count) {
    const uuid = uuidFrom(rand);
    const milestone: Milestone = pick([
      'monthly',
      'monthly',
      'monthly',
      'quarterly',
      'annual',
      'weekly',
    ] as const);
    const n = { monthly: 12, quarterly: 4, annual: 1, weekly: 52 }[milestone];
    const zone = rand() < 0.2 ? ZONE : 'UTC';
    const endStyle = rand() < 0.1 ? 'exclusive' : 'inclusive';
    const periods = buildSchedule({
      milestone,
      startDate: pick(['2025-01-01', '2026-01-01', '2026-04-01']),
      count: n,
      timeZone: zone,
      endStyle,
    });
    const assignees = 1 + Math.floor(rand() * 8);
    const name = `${pick(['New business', 'Renewals', 'Upsell', 'Calls booked'])} ${Math.floor(rand() * 1000)}`;
    const broken = rand() < 0.1 ? Math.floor(rand() * 6) : -1;
    for (let a = 0; a < assignees && out.length < count; a++) {
      const team = rand() < 0.2;
      const assignee = String(1000 + Math.floor(rand() * 400));
      const gid = String(groupId++);
      const amounts = spreadEven(Math.floor(rand() * 50_000_00) * 100, n);
      periods.forEach((p, i) => {
        if (out.length >= count) return;
        if (broken === 0 && a === 0 && i === 2) return; // a missing period
        const props: Record<string, string | null> = {
          [PROP.uuid]: uuid,
          [PROP.groupId]: gid,
          [PROP.name]: broken === 1 && i === 0 ? `${name} (old)` : name,
          [PROP.goalType]: 'sales_quota',
          [PROP.milestone]: milestone,
          [PROP.pipelineIds]: broken === 2 && i === 1 ? 'default;7781' : 'default',
          [PROP.start]: formatInstant(p.startMs),
          [PROP.end]: formatInstant(broken === 3 && i === 0 ? p.endMs + 3_600_000 : p.endMs),
          [PROP.targetAmount]: broken === 4 && i === 0 ? 'n/a' : ((amounts[i] as number) / 100).toFixed(2),
          [PROP.kpiValue]: (Math.floor(rand() * 100_000) / 100).toFixed(2),
          [PROP.ownerId]: team && broken !== 5 ? null : assignee,
          [PROP.teamId]: team ? assignee : null,
          [PROP.lastModified]: String(1_767_225_600_000 + Math.floor(rand() * 1e9)),
          [PROP.createdAt]: '2025-12-01T08:00:00.000Z',
          [PROP.objectId]: String(id),
        };
        if (rand() < 0.0005) props[PROP.uuid] = null; // an orphan
        out.push({ id: String(id++), properties: props });
      });
    }
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
/**
 * Median wall time of several runs, and median CPU time (user + system) of this process: on a shared
 * machine the CPU time says what the work costs when other processes steal the cores.
 */
function time<T>(label: string, run: () => T): T {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    sample();
  }
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `${label.padEnd(32)} wall median ${f(median(wall))} ms (min ${Math.min(...wall).toFixed(1)})   cpu median ${f(median(cpu))} ms   ${RUNS} runs`,
  );
  return result as T;
}

const t0 = performance.now();
const raws = generate(TARGETS);
sample();
console.log(`generated ${raws.length} targets in ${(performance.now() - t0).toFixed(0)} ms`);
const targets = time('parse (parseTarget)', () => raws.map(parseTarget));
const grouping = time('group (groupFamilies)', () => groupFamilies(targets));
console.log(`  → ${grouping.families.length} families, ${grouping.orphans.length} orphans`);
const describe = (findings: { ruleId: string }[]): string => {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  return `${findings.length} findings: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`;
};
const utcFindings = time('audit, candidate zone UTC', () =>
  auditFamilies(grouping.families, { timeZone: 'UTC' }, grouping.orphans),
);
console.log(`  → ${describe(utcFindings)}`);
const zoneFindings = time(`audit, candidate ${ZONE}`, () =>
  auditFamilies(grouping.families, { timeZone: ZONE }, grouping.orphans),
);
console.log(`  → ${describe(zoneFindings)}`);
time('parse + group + audit', () => {
  const g = groupFamilies(raws.map(parseTarget));
  return auditFamilies(g.families, { timeZone: ZONE }, g.orphans);
});
// The largest family the contract allows to create: 500 assignees × 12 months (6,000 slices).
const big = [
  ...Array.from({ length: 500 }, (_, a) =>
    buildSchedule({ milestone: 'monthly', startDate: '2026-01-01', count: 12 }).map((p, i) => ({
      id: String(900_000_000 + a * 100 + i),
      properties: {
        [PROP.uuid]: '00000000-0000-4000-a000-000000000001',
        [PROP.groupId]: String(7_000_000 + a),
        [PROP.name]: 'Everyone 2026',
        [PROP.goalType]: 'sales_quota',
        [PROP.milestone]: 'monthly',
        [PROP.start]: formatInstant(p.startMs),
        [PROP.end]: formatInstant(p.endMs),
        [PROP.targetAmount]: '1000.00',
        [PROP.ownerId]: String(10_000 + a),
      },
    })),
  ).flat(),
];
const bigFamilies = groupFamilies(big.map(parseTarget)).families;
time('audit one 6,000-slice family', () => auditFamilies(bigFamilies, { timeZone: 'UTC' }));

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`memory peak (sampled after each run): rss ${mb(peakRss)}, heapUsed ${mb(peakHeap)}`);
