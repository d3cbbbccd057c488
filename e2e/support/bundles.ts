/**
 * Builds the app function bundles and the extension bundles once per test run, even when several
 * e2e files start in parallel: the first takes a lock and builds, the others wait for its stamp.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '@goal-families/workbench';
import { type ExtensionKind, prepareExtensions } from '@goal-families/workbench/extensions';

const STATE_DIR = path.join(ROOT, 'artifacts/.e2e-build');
const LOCK = path.join(STATE_DIR, 'lock');
/** One stamp per vitest run: its workers share the parent process. */
const STAMP = path.join(STATE_DIR, `built-${process.ppid}`);
const LOCK_STALE_MS = 180_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Build problems by part; a test fails only on the parts it needs. */
type BuildReport = Partial<Record<ExtensionKind | 'functions', string>>;

async function build(): Promise<BuildReport> {
  const report: BuildReport = {};
  const fns = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, encoding: 'utf8' });
  if (fns.status !== 0) report.functions = `npm run build:functions failed:\n${fns.stdout}\n${fns.stderr}`;
  const ext = await prepareExtensions(ROOT, { build: true, log: () => undefined });
  for (const e of Object.values(ext)) {
    if (e.buildError) report[e.kind] = e.buildError;
    else if (e.fixture) report[e.kind] = `the app's ${e.kind} is not in the project yet`;
  }
  return report;
}

function check(needs: ExtensionKind[]): void {
  const report = JSON.parse(readFileSync(STAMP, 'utf8')) as BuildReport;
  for (const part of ['functions', ...needs] as const) {
    const problem = report[part];
    if (problem) throw new Error(`${part} did not build: ${problem}`);
  }
}

export async function ensureBundles(needs: ExtensionKind[]): Promise<void> {
  mkdirSync(STATE_DIR, { recursive: true });
  const started = Date.now();
  for (;;) {
    if (existsSync(STAMP)) return check(needs);
    try {
      mkdirSync(LOCK);
    } catch {
      if (Date.now() - started > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(STAMP)) writeFileSync(STAMP, JSON.stringify(await build()));
      return check(needs);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
