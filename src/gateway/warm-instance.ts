/**
 * What a warm function instance remembers between invocations. HubSpot keeps a function's module
 * state while it keeps the instance warm, so a fact that cannot change under it need not be read on
 * every call. Only such facts belong here (the store's custom object type id): never settings, never
 * records — a save must be visible to the very next call.
 *
 * Every cache registers itself in one process-wide registry, so that a process hosting several
 * bundles (the benchmark's function runner) or a test can start "new instances" with
 * `forgetWarmInstances()`.
 */
const REGISTRY = Symbol.for('goal-families.warm-instance-caches');

type Registry = Set<Map<string, unknown>>;

function registry(): Registry {
  const g = globalThis as { [REGISTRY]?: Registry };
  g[REGISTRY] ??= new Set();
  return g[REGISTRY];
}

/** A cache that lives as long as the function instance, keyed by portal and app (`instanceKey`). */
export function warmInstanceCache<V>(): Map<string, V> {
  const cache = new Map<string, V>();
  registry().add(cache as Map<string, unknown>);
  return cache;
}

/** Every warm-instance cache of this process emptied, as if each function had started anew. */
export function forgetWarmInstances(): void {
  for (const cache of registry()) cache.clear();
}
