/**
 * `npm start`: builds the app functions and extensions, starts the emulator with the demo portal
 * (kept in .data/), runs the functions in-process against it and serves the preview page.
 *
 *   npm start                      # http://localhost:3000 (PORT to change)
 *   npm start -- --same-thread     # extension on the page thread instead of a Web Worker
 *   npm start -- --reset           # start from a freshly seeded demo portal
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startWorkbench } from './server/server.js';

const DB_FILE = path.join(ROOT, '.data/workbench.sqlite');

function buildFunctions(): void {
  if (!existsSync(path.join(ROOT, 'scripts/build-functions.ts'))) {
    console.warn('! scripts/build-functions.ts is missing: app function calls will fail');
    return;
  }
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) console.warn('! npm run build:functions failed: app function calls may fail');
  else console.log(`  functions built in ${Date.now() - started} ms`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--reset'))
    for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) rmSync(f, { force: true });
  console.log('Goal Families workbench');
  buildFunctions();
  const workbench = await startWorkbench({
    port: Number(process.env.PORT ?? 3000),
    dbFile: DB_FILE,
    mode: args.includes('--same-thread') ? 'same-thread' : 'worker',
    log: (m) => console.log(`  ${m}`),
  });
  console.log(
    `\n  Emulator (demo portal ${workbench.emulator.portalId}): ${workbench.emulatorUrl}  token ${workbench.emulator.token}`,
  );
  console.log(`  Data: ${path.relative(ROOT, DB_FILE)} (reset from the page, or npm start -- --reset)`);
  console.log(`\n  ➜ Open ${workbench.url}\n\n  Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n  stopping…');
    await workbench.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
