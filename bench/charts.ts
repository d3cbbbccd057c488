/** The two charts of the benchmark page, made from the results: API calls, and simulated time, against size. */
import { renderLineChart, type Series } from './chart';
import type { ScenarioResult } from './result';
import { rateFloor, type ScenarioKind } from './scenarios';

export type ChartFile = { file: string; alt: string; svg: string };

const KIND_COLORS: Record<ScenarioKind, string> = {
  rename: '#1f77b4',
  health: '#2ca02c',
  archive: '#9467bd',
  create: '#ff7f0e',
  'first-paint': '#8c564b',
  'open-family': '#bcbd22',
  'admin-list': '#17becf',
};
const COLORS = { ...KIND_COLORS, naive: '#d62728', bound: '#7f7f7f' };

const of = (results: readonly ScenarioResult[], kind: ScenarioKind) =>
  results.filter((r) => r.scenario.kind === kind).sort((a, b) => a.scenario.size - b.scenario.size);

const line = (
  name: string,
  color: string,
  rs: readonly ScenarioResult[],
  y: (r: ScenarioResult) => number,
  dashed = false,
): Series => ({ name, color, dashed, points: rs.map((r) => [r.scenario.size, y(r)] as const) });

export function buildCharts(results: readonly ScenarioResult[]): ChartFile[] {
  const rename = of(results, 'rename');
  const health = of(results, 'health');
  const single = (['archive', 'create'] as const).flatMap((k) => of(results, k));
  const calls: Series[] = [
    line('rename: measured', COLORS.rename, rename, (r) => r.totalCalls),
    line('rename: lower bound', COLORS.bound, rename, (r) => r.lowerBound.calls, true),
    line('rename: naive', COLORS.naive, rename, (r) => r.naive.calls, true),
    line('health: measured', COLORS.health, health, (r) => r.totalCalls),
    line('health: lower bound', COLORS.bound, health, (r) => r.lowerBound.calls, true),
    ...single.map((r) =>
      line(
        `${r.scenario.kind} ${r.scenario.size}: measured`,
        KIND_COLORS[r.scenario.kind],
        [r],
        (x) => x.totalCalls,
      ),
    ),
  ].filter((s) => s.points.length > 0);
  const seconds = (ms: number) => Math.max(ms, 1) / 1_000;
  const time: Series[] = [
    line('rename: preview + apply', COLORS.rename, rename, (r) => seconds(r.simulatedMs)),
    line('rename: apply invocation', COLORS.rename, rename, (r) => seconds(r.longestInvocationMs), true),
    line('health: all invocations', COLORS.health, health, (r) => seconds(r.simulatedMs)),
    line('health: longest invocation', COLORS.health, health, (r) => seconds(r.longestInvocationMs), true),
    line('health: rate-limit floor', COLORS.bound, health, (r) => seconds(rateFloor(r.scenario).ms), true),
    ...single.map((r) =>
      line(`${r.scenario.kind} ${r.scenario.size}: preview + apply`, KIND_COLORS[r.scenario.kind], [r], (x) =>
        seconds(x.simulatedMs),
      ),
    ),
  ].filter((s) => s.points.length > 0);
  const out: ChartFile[] = [];
  if (calls.length > 0) {
    out.push({
      file: 'benchmarks-calls.svg',
      alt: 'HubSpot API calls against family or portal size',
      svg: renderLineChart({
        title: 'HubSpot API calls against size (log–log)',
        xLabel: 'slices in the family (rename, create, archive) or targets in the portal (health)',
        yLabel: 'API calls',
        series: calls,
      }),
    });
  }
  if (time.length > 0) {
    out.push({
      file: 'benchmarks-time.svg',
      alt: 'Simulated time against family or portal size',
      svg: renderLineChart({
        title: 'Simulated wall time against size (log–log)',
        xLabel: 'slices in the family (rename, create, archive) or targets in the portal (health)',
        yLabel: 'seconds',
        series: time,
        // The design limit for one invocation (docs/hubspot-facts.md §2: production limits unverified).
        guides: [{ y: 10, label: 'one invocation must stay well under 10 s', color: '#d62728' }],
      }),
    });
  }
  return out;
}
