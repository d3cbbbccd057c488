/**
 * Same-thread dev mode: rebuild the extensions when their sources change and tell open pages to
 * reload over server-sent events (GET /__workbench/events).
 */
import { type FSWatcher, watch } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

export interface LiveReload {
  subscribe(res: ServerResponse): void;
  close(): void;
}

const REBUILD_DELAY_MS = 300;

export function startLiveReload(
  root: string,
  rebuild: () => Promise<void>,
  log: (m: string) => void,
): LiveReload {
  const clients = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const onChange = (_event: string, file: string | Buffer | null) => {
    const name = String(file ?? '');
    if (name.includes('dist') || name.includes('node_modules')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        log(`source changed (${name}); rebuilding`);
        await rebuild().catch((e: unknown) => log(`rebuild failed: ${String(e)}`));
        for (const res of clients) res.write('data: reload\n\n');
      });
    }, REBUILD_DELAY_MS);
  };
  const watchers: FSWatcher[] = ['src/app/cards', 'src/app/settings', 'workbench/fixtures'].map((dir) =>
    watch(path.join(root, dir), { recursive: true }, onChange),
  );
  return {
    subscribe(res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
    },
  };
}
