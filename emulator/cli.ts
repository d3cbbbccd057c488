import { resolve } from 'node:path';
import { createEmulator, VIRTUAL_NOW_HEADER } from './emulator.js';
import { generatePortal } from './seed/generate.js';

/**
 * `npm run emulator [-- --port 8300] [--reset] [--search-lag-ms 1000] [--no-rate-limits] [--db FILE|:memory:]
 *   [--generate N | --empty] [--virtual-clock]` — `--generate N` seeds a generated portal of N goal targets
 * instead of the demo one, `--empty` a portal with nothing in it; `--virtual-clock` takes the time from
 * each request's `x-emulator-virtual-now` header (the benchmarks' virtual clock, `bench/harness.ts`).
 */
function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const DEFAULT_DB_FILE = resolve(process.cwd(), '.data/emulator.sqlite');
// The CLI is the workbench's portal: realistic by default (rate limits on, a short search lag).
const DEFAULT_CLI_SEARCH_LAG_MS = 1_000;

async function main(): Promise<void> {
  const generate = argument('--generate');
  const seed =
    generate !== undefined
      ? generatePortal({ targets: Number(generate) })
      : process.argv.includes('--empty')
        ? 'empty'
        : 'demo';
  const emulator = createEmulator({
    ...(process.argv.includes('--virtual-clock') ? { clockHeader: VIRTUAL_NOW_HEADER } : {}),
    dbFile: argument('--db') ?? DEFAULT_DB_FILE,
    seed,
    token: process.env.EMULATOR_TOKEN ?? undefined,
    rateLimits: !process.argv.includes('--no-rate-limits'),
    searchLagMs: Number(argument('--search-lag-ms') ?? DEFAULT_CLI_SEARCH_LAG_MS),
  });
  if (process.argv.includes('--reset')) emulator.reset(seed);
  const { baseUrl } = await emulator.listen(Number(argument('--port') ?? 8300));
  process.stdout.write(
    [
      `HubSpot emulator listening on ${baseUrl}`,
      `  token:       ${emulator.token}`,
      `  portal id:   ${emulator.portalId}`,
      `  database:    ${argument('--db') ?? DEFAULT_DB_FILE}`,
      `  control API: ${baseUrl}/__emulator/health`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
