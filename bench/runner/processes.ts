/**
 * The benchmark's two child processes: the emulator (`emulator/cli.ts`, as `npm run emulator` runs it)
 * and the function runner (`function-runner.ts`). Each has its own heap, so what the functions use
 * is measured apart from the emulator's work answering them.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Envelope, Reply, RunnerAnswer, RunnerOptions, RunnerRequest } from './protocol';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type EmulatorProcess = {
  child: ChildProcess;
  baseUrl: string;
  token: string;
  startupMs: number;
  /** A call to the control API (`/__emulator/...`), JSON in and out. */
  control: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
};

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts `emulator/cli.ts` in memory on a free port (rate limits off, no search lag) and waits for it. */
export function startEmulatorProcess(extra: readonly string[] = []): Promise<EmulatorProcess> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'emulator/cli.ts',
      '--db',
      ':memory:',
      '--port',
      '0',
      '--no-rate-limits',
      '--search-lag-ms',
      '0',
      ...extra,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const token = /token:\s+(\S+)/.exec(output)?.[1];
      if (!url || !token || !output.includes('control API')) return;
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetchOutsideTheRunner(`${url}/__emulator${path}`, {
          method,
          ...(body === undefined
            ? {}
            : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`);
        return (text ? JSON.parse(text) : null) as T;
      };
      resolve({
        child,
        baseUrl: url,
        token,
        startupMs: performance.now() - started,
        control,
        stop: () => stopChild(child),
      });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
  });
}

/** The parent's own fetch, taken before anything could wrap it. */
const fetchOutsideTheRunner = globalThis.fetch;

export type RunnerProcess = {
  call: <K extends RunnerRequest['op']>(
    request: Extract<RunnerRequest, { op: K }>,
  ) => Promise<RunnerAnswer[K]>;
  stop: () => Promise<void>;
};

/** Forks the function runner against `baseUrl` and waits until it is ready. */
export function startRunner(
  options: RunnerOptions,
  emulator: { baseUrl: string; token: string },
): Promise<RunnerProcess> {
  const child = fork(fileURLToPath(new URL('./function-runner.ts', import.meta.url)), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: {
      ...process.env,
      BENCH_RUNNER_OPTIONS: JSON.stringify(options),
      HUBSPOT_API_BASE_URL: emulator.baseUrl,
      PRIVATE_APP_ACCESS_TOKEN: emulator.token,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new Error(`function runner: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`function runner exited with ${code}`));
    waiting.clear();
  });
  const runner: RunnerProcess = {
    call: (request) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, request } satisfies Envelope);
      }),
    stop: async () => {
      if (child.connected) await runner.call({ op: 'close' }).catch(() => undefined);
      await stopChild(child);
    },
  };
  return new Promise((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(runner), reject });
  });
}
