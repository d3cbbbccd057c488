/**
 * Runs the domain micro-benchmarks (`bench/domain.ts`, written with the domain) in a child process
 * and hands its printed output to the report. A separate process keeps its memory and timings apart
 * from the API benchmark's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DomainBench } from './report';

export const DOMAIN_BENCH = fileURLToPath(new URL('./domain.ts', import.meta.url));
const TSX_CLI = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

export function runDomainBench(timeoutMs = 10 * 60_000): DomainBench {
  if (!existsSync(DOMAIN_BENCH)) return { ok: false, reason: '`bench/domain.ts` does not exist yet.' };
  const run = spawnSync(process.execPath, [TSX_CLI, DOMAIN_BENCH], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 8 * 1024 * 1024,
  });
  if (run.error) return { ok: false, reason: `\`bench/domain.ts\` could not run: ${run.error.message}` };
  if (run.status !== 0) {
    const tail = (run.stderr || run.stdout || '').trim().split('\n').slice(-5).join(' / ');
    return { ok: false, reason: `\`bench/domain.ts\` exited with ${String(run.status)}: ${tail}` };
  }
  return { ok: true, output: run.stdout };
}
