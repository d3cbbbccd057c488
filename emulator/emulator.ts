import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, type ControlTarget, controlRoutes } from './control/control-api.js';
import { Faults } from './control/faults.js';
import type { CrmContext } from './crm/context.js';
import { crmRoutes } from './crm/routes.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitSettings } from './http/rate-limit.js';
import { Router } from './http/router.js';
import { createHttpServer } from './http/server.js';
import { resolveSeed } from './seed/resolve.js';
import type { SeedChoice } from './seed/types.js';
import { type Db, openDatabase } from './store/database.js';
import { Store } from './store/store.js';

export interface EmulatorOptions {
  /** SQLite file; default `:memory:`. A file that already holds data is reopened, not reseeded. */
  dbFile?: string;
  /** What to load into a fresh database (and on `reset()` without argument); default `'demo'`. */
  seed?: SeedChoice;
  /** The private-app token callers must send as `Authorization: Bearer ...`; default `emulator-token`. */
  token?: string;
  /**
   * HubSpot's rate limits (ten-secondly rolling 190, search 5/s). Default OFF in `createEmulator` so that
   * tests are not throttled by accident; `npm run emulator` turns them on. `true` or custom numbers.
   */
  rateLimits?: boolean | Partial<RateLimitSettings>;
  /** Delay before created or changed records show in search; default 0. */
  searchLagMs?: number;
  /** Time source for timestamps, rate windows and search lag; default `Date.now`. */
  clock?: () => number;
  /** How injected latency is waited out; default a real timer (benchmarks pass a virtual clock's sleep). */
  sleep?: (ms: number) => Promise<unknown>;
  /**
   * Take the time from this request header instead of `clock` (epoch ms; the clock never goes back):
   * a benchmark that runs the emulator in its own process drives it from its virtual clock this way.
   */
  clockHeader?: string;
}

/** The header `npm run bench` sends its virtual time in (`--virtual-clock` on the CLI). */
export const VIRTUAL_NOW_HEADER = 'x-emulator-virtual-now';

export const DEFAULT_TOKEN = 'emulator-token';

/** The embedded HubSpot emulator: a store, an HTTP server, faults, counters and a control API. */
export class Emulator implements ControlTarget {
  readonly store: Store;
  readonly faults = new Faults();
  readonly token: string;
  private readonly db: Db;
  private readonly seedChoice: SeedChoice;
  private readonly limiter: RateLimiter;
  private rateLimitsOn: boolean;
  private readonly callCounts = new Map<string, number>();
  private server: Server | undefined;
  private listeningUrl: string | undefined;
  private readonly sleep: ((ms: number) => Promise<unknown>) | undefined;

  private readonly clockHeader: string | undefined;
  private headerNow = 0;

  constructor(options: EmulatorOptions = {}) {
    this.clockHeader = options.clockHeader?.toLowerCase();
    // Until the first request says what time it is, real time.
    const clock = this.clockHeader ? () => this.headerNow || Date.now() : (options.clock ?? Date.now);
    this.sleep = options.sleep;
    this.token = options.token ?? DEFAULT_TOKEN;
    this.seedChoice = options.seed ?? 'demo';
    this.db = openDatabase(options.dbFile ?? ':memory:');
    this.store = new Store(this.db, { clock, searchLagMs: options.searchLagMs ?? 0 });
    const limits = typeof options.rateLimits === 'object' ? options.rateLimits : {};
    this.limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...limits }, clock);
    this.rateLimitsOn = options.rateLimits !== undefined && options.rateLimits !== false;
    if (this.store.isEmpty()) this.store.load(resolveSeed(this.seedChoice));
    else {
      this.store.loadFromDatabase();
      this.store.fillMissingUsers(resolveSeed(this.seedChoice).users);
    }
  }

  get portalId(): number {
    return this.store.portalId;
  }

  baseUrl(): string | undefined {
    return this.listeningUrl;
  }

  /** Start serving on 127.0.0.1 (port 0: any free port). */
  async listen(port = 0): Promise<{ baseUrl: string }> {
    if (this.listeningUrl) return { baseUrl: this.listeningUrl };
    const crmContext: CrmContext = {
      store: this.store,
      takeBatchFailure: (operation) => this.faults.takeBatchFailure(operation),
      takeAnswerChange: (operation) => this.faults.takeAnswerChange(operation),
    };
    const server = createHttpServer<CrmContext, ControlTarget>({
      api: new Router(crmRoutes()),
      apiContext: crmContext,
      control: new Router(controlRoutes()),
      controlContext: this,
      controlPrefix: CONTROL_PREFIX,
      token: () => this.token,
      count: (key) => this.callCounts.set(key, (this.callCounts.get(key) ?? 0) + 1),
      latencyMs: () => this.faults.latencyMs,
      ...(this.sleep ? { sleep: this.sleep } : {}),
      ...(this.clockHeader ? { onRequest: (headers) => this.takeTime(headers) } : {}),
      admit: (kind, counterKey) => {
        const fate = this.faults.beforeCall(counterKey);
        if (fate === 'drop') return { headers: {}, fate };
        return { headers: this.rateLimitsOn ? this.limiter.admit(kind) : {}, fate };
      },
    });
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.listeningUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { baseUrl: this.listeningUrl };
  }

  private takeTime(headers: Record<string, string | string[] | undefined>): void {
    const value = Number(headers[this.clockHeader ?? '']);
    if (Number.isFinite(value) && value > this.headerNow) this.headerNow = value;
  }

  /** Stop serving and close the database. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.listeningUrl = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (this.db.open) this.db.close();
  }

  /** Replace all data with a seed (default: the one the emulator was created with); clears faults. */
  reset(seed: SeedChoice = this.seedChoice): void {
    this.store.load(resolveSeed(seed));
    this.faults.clear();
    this.limiter.reset();
  }

  /** Calls per endpoint since the last reset, keyed `METHOD /route/template`. */
  counters(): Record<string, number> {
    return Object.fromEntries([...this.callCounts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  resetCounters(): void {
    this.callCounts.clear();
  }

  snapshot(): string {
    return this.store.snapshot();
  }

  configure(settings: { searchLagMs?: number; rateLimits?: boolean | Partial<RateLimitSettings> }): void {
    if (typeof settings.searchLagMs === 'number') this.store.searchLagMs = Math.max(0, settings.searchLagMs);
    if (settings.rateLimits !== undefined) {
      this.rateLimitsOn = settings.rateLimits !== false;
      if (typeof settings.rateLimits === 'object') {
        this.limiter.settings = { ...this.limiter.settings, ...settings.rateLimits };
      }
      this.limiter.reset();
    }
  }

  settings(): { searchLagMs: number; rateLimits: boolean } {
    return { searchLagMs: this.store.searchLagMs, rateLimits: this.rateLimitsOn };
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}
