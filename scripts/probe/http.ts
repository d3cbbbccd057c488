/**
 * The probe's own HubSpot client: plain `fetch`, nothing of the app's gateway in between, so that what
 * it reports is what HubSpot answered. It paces searches (HubSpot allows about five a second) and waits
 * out a 429 before trying again, except for calls marked `raw`, which see every answer as it came.
 */

export type ProbeAnswer = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: HubSpot's bodies are inspected field by field by the checks
  body: any;
  headers: Record<string, string>;
};

export type ProbeRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** No pacing and no retry: the check wants to see the raw answer (429s included). */
  raw?: boolean;
  /** Another token than the probe's (the 401 check). */
  token?: string;
};

export type ProbeHttp = {
  request(request: ProbeRequest): Promise<ProbeAnswer>;
  /** Searches started in the last second are at most this many (the pace kept between calls). */
  readonly searchesPerSecond: number;
  /** Calls made so far. */
  calls(): number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createProbeHttp(baseUrl: string, token: string, searchesPerSecond = 4): ProbeHttp {
  const base = baseUrl.replace(/\/+$/, '');
  const recentSearches: number[] = [];
  let calls = 0;

  async function paceSearch(): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (recentSearches.length > 0 && now - (recentSearches[0] as number) >= 1_000)
        recentSearches.shift();
      if (recentSearches.length < searchesPerSecond) {
        recentSearches.push(now);
        return;
      }
      await sleep(1_000 - (now - (recentSearches[0] as number)) + 5);
    }
  }

  async function once(request: ProbeRequest): Promise<ProbeAnswer> {
    calls++;
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${request.token ?? token}`,
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = text;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    return { status: response.status, body, headers };
  }

  return {
    searchesPerSecond,
    calls: () => calls,
    async request(request) {
      if (request.raw) return once(request);
      const isSearch = request.method === 'POST' && request.path.endsWith('/search');
      for (let attempt = 0; ; attempt++) {
        if (isSearch) await paceSearch();
        const answer = await once(request);
        if (answer.status !== 429 || attempt >= 5) return answer;
        const retryAfter = Number(answer.headers['retry-after']);
        await sleep(
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : 1_100 * (attempt + 1),
        );
      }
    },
  };
}
