/** Waiting for HubSpot's search to catch up with writes (it lags "a few moments"). */
import { PROP } from '@goal-families/domain';
import { GOAL_TARGETS } from './check';
import type { ProbeHttp } from './http';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the probe waits for search to show the scratch family before giving up. */
export const SEARCH_WAIT_MS = 60_000;

/** Waits until search finds `count` slices of `uuid`; returns the milliseconds it took. */
export async function waitForSearch(http: ProbeHttp, uuid: string, count: number, since = Date.now()) {
  for (;;) {
    const found = await http.request({
      method: 'POST',
      path: `${GOAL_TARGETS}/search`,
      body: {
        filterGroups: [{ filters: [{ propertyName: PROP.uuid, operator: 'EQ', value: uuid }] }],
        limit: 100,
      },
    });
    if (found.status === 200 && found.body.total >= count) return Date.now() - since;
    if (Date.now() - since > SEARCH_WAIT_MS)
      throw new Error(`search did not show ${uuid} within ${SEARCH_WAIT_MS} ms`);
    await sleep(250);
  }
}
