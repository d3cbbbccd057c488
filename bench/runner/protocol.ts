/**
 * What the benchmark (parent) and its function runner (child process, `function-runner.ts`) say to
 * each other over the IPC channel: one request, one answer, matched by id.
 */
import type { FunctionUid } from '@goal-families/contract';

export type RunnerOptions = {
  /** Per-call latency the runner adds on its virtual clock (virtual mode only; in real time the emulator sleeps). */
  latencyMs: number;
  /** Real time instead of the virtual clock. */
  realTime: boolean;
  /** Seed of the retry jitter; reseeded by every `measure`. */
  jitterSeed: number;
};

/** What one invocation cost, as far as one Node process can tell (see `function-runner.ts`). */
export type InvocationMetrics = {
  uid: FunctionUid;
  simulatedMs: number;
  /** Heap used at the invocation's peak: the function's bundle in a fresh process, plus what the invocation added. */
  heapBytes: number;
  /** Resident memory at the peak, estimated the same way: a fresh process's, plus the invocation's growth. */
  rssBytes: number;
  /** The bundle alone in a fresh Node process, after a GC (null when run from the TypeScript sources). */
  baseline: { heapBytes: number; rssBytes: number } | null;
  /** The JSON the runner hands back, in bytes. */
  responseBytes: number;
  /** Bytes the invocation wrote to the console (HubSpot keeps 4 KB of logs per invocation). */
  logBytes: number;
  /** HTTP requests it made, by endpoint (429s and retries included). */
  calls: Record<string, number>;
  /** How many of them HubSpot (the emulator) answered 429. */
  throttled: number;
  /** The reads (list pages and searches) by what they asked for: calls and records answered. */
  reads: Record<string, { calls: number; records: number }>;
};

export type RunnerRequest =
  | { op: 'invoke'; uid: FunctionUid; params: unknown }
  | { op: 'conditions'; measure: boolean }
  | { op: 'now' }
  | { op: 'statuses' }
  | { op: 'close' };

export type RunnerAnswer = {
  invoke: { result: unknown; metrics: InvocationMetrics };
  conditions: null;
  now: number;
  statuses: { counts: Record<number, number>; searchThrottled: number };
  close: null;
};

export type Envelope = { id: number; request: RunnerRequest };
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
