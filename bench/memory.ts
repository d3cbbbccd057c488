/**
 * Peak memory while a scenario runs, by sampling `process.memoryUsage()` on a real-time interval (the
 * virtual clock does not drive it). Heap is reported above the baseline taken at the start, so the
 * emulator's resident data, loaded before the scenario, is not counted as the operation's.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type MemoryPeak = { heapBytes: number; rssBytes: number };

export type MemorySampler = { stop: () => MemoryPeak };

export function sampleMemory(intervalMs = 5): MemorySampler {
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.heapUsed > heap) heap = m.heapUsed;
    if (m.rss > rss) rss = m.rss;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return { heapBytes: Math.max(0, heap - base.heapUsed), rssBytes: rss };
    },
  };
}

let gc: (() => void) | undefined;

/**
 * Collects garbage before a scenario, so that baselines are comparable. `npm run bench` starts node
 * without `--expose-gc`; the flag can be set at run time and the function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export const formatBytes = (bytes: number): string => {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
};
