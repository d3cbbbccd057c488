import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock, DEFAULT_VIRTUAL_START, type VirtualClock } from './virtual-clock';

describe('virtual clock', () => {
  let clock: VirtualClock;
  afterEach(() => clock.dispose());

  it('starts at a fixed virtual instant', () => {
    clock = createVirtualClock();
    expect(clock.now()).toBe(DEFAULT_VIRTUAL_START);
    expect(clock.elapsed()).toBe(0);
  });

  it('adds up sequential sleeps', async () => {
    clock = createVirtualClock({ settleMs: 1 });
    for (const ms of [100, 250, 1_000, 0]) await clock.sleep(ms);
    expect(clock.elapsed()).toBe(1_350);
  });

  it('overlaps concurrent sleeps: the longest decides', async () => {
    clock = createVirtualClock({ settleMs: 1 });
    await Promise.all([clock.sleep(100), clock.sleep(300), clock.sleep(200)]);
    expect(clock.elapsed()).toBe(300);
  });

  it('wakes sleepers in time order and lets woken code sleep again', async () => {
    clock = createVirtualClock({ settleMs: 1 });
    const order: string[] = [];
    const a = (async () => {
      await clock.sleep(100);
      order.push(`a@${clock.elapsed()}`);
      await clock.sleep(100);
      order.push(`a@${clock.elapsed()}`);
    })();
    const b = (async () => {
      await clock.sleep(150);
      order.push(`b@${clock.elapsed()}`);
    })();
    await Promise.all([a, b]);
    expect(order).toEqual(['a@100', 'b@150', 'a@200']);
  });

  it('does not jump while busy: a late sleeper still starts from the same instant', async () => {
    let busy = true;
    clock = createVirtualClock({ settleMs: 1, busy: () => busy });
    const early = clock.sleep(100);
    // Real work (a request on its way) finishes 20 real ms later and only then registers its wait.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.elapsed()).toBe(0);
    const late = clock.sleep(100);
    busy = false;
    await Promise.all([early, late]);
    expect(clock.elapsed()).toBe(100);
  });

  it('treats negative and non-finite sleeps as zero', async () => {
    clock = createVirtualClock({ settleMs: 1 });
    await clock.sleep(-5);
    await clock.sleep(Number.NaN);
    expect(clock.elapsed()).toBe(0);
  });

  it('measures from a mark', async () => {
    clock = createVirtualClock({ settleMs: 1 });
    await clock.sleep(40);
    const since = clock.mark();
    await clock.sleep(60);
    expect(since()).toBe(60);
  });
});
