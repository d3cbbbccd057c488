/** What one benchmark scenario measured. Plain data: the report and the chart are made from it. */
import type { Bound } from './formulas';
import type { InvocationMetrics } from './runner/protocol';
import type { Scenario } from './scenarios';

export type ScenarioResult = {
  scenario: Scenario;
  /** Families involved (the portal's, for the health check). */
  families: number;
  /** Function invocations the operation needed (a health check continues with cursors). */
  invocations: number;
  /** HubSpot API calls the emulator answered, per endpoint (429 answers included). */
  callsByEndpoint: Record<string, number>;
  totalCalls: number;
  /** 429 answers among them, and how many of those answered a search. */
  throttled: number;
  throttledSearch: number;
  lowerBound: Bound;
  naive: Bound;
  /** This implementation's own formula (preview + apply, no 429s), where the count is data-independent. */
  expected: Bound | null;
  /** Simulated wall time of the whole operation, and of its longest invocation, in ms. */
  simulatedMs: number;
  longestInvocationMs: number;
  /** Real time the run took on this machine, in ms (for the reader's curiosity, not a result). */
  realMs: number;
  /** What each invocation cost (memory, response, logs, calls), in order. */
  invocationMetrics: InvocationMetrics[];
  /** The largest of each over the invocations (memory: see `runner/function-runner.ts`). */
  peakHeapBytes: number;
  peakRssBytes: number;
  largestResponseBytes: number;
  mostLogBytes: number;
  /** `ok`, or the error code a function returned. */
  outcome: string;
  notes: string[];
};

export type RunConfig = {
  latencyMs: number;
  tenSecondLimit: number;
  searchPerSecond: number;
  seed: number;
  node: string;
  platform: string;
  cpus: string;
  /** The machine's 1-minute load average when the run ended (other work slows real-time figures). */
  load: number;
  date: string;
  /** How simulated time was obtained. */
  clock: 'virtual' | 'real';
};
