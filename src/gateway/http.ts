/**
 * The one HTTP seam: a function from request to response. The real one goes through
 * `@hubspot/api-client`'s `Client.apiRequest` (auth, base path); decorators (retry, throttle, counting)
 * wrap it, the way HubSpot's own client decorates its calls.
 */
import { Client } from '@hubspot/api-client';
import { GatewayError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type HttpRequest = {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /**
   * False for calls that may have taken effect even when the answer is lost (batch create: HubSpot has
   * no idempotency key). Such calls are retried only after a 429, which guarantees nothing was done.
   */
  idempotent?: boolean;
};

export type HttpResponse = {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
};

/** Resolves with any HTTP status; rejects only with a `GatewayError` of kind `network`. */
export type HubSpotHttp = (request: HttpRequest) => Promise<HttpResponse>;

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

export type ClientOptions = { accessToken: string; baseUrl?: string | undefined };

/**
 * One `Client` per invocation. Its own retries and limiter are off on purpose: they are process-wide
 * (the last `new Client` wins, docs/hubspot-facts.md §7) and cannot tell a daily limit from a ten-secondly one.
 */
export function createClientHttp(options: ClientOptions): HubSpotHttp {
  const client = new Client({
    accessToken: options.accessToken,
    basePath: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    numberOfApiCallRetries: 0,
  });
  return async (request) => {
    const qs: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) qs[k] = String(v);
    let response: Response;
    try {
      response = await client.apiRequest({
        method: request.method,
        path: request.path,
        ...(Object.keys(qs).length > 0 ? { qs } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
    } catch (e) {
      throw new GatewayError({
        kind: 'network',
        status: 0,
        message: `network error: ${e instanceof Error ? e.message : String(e)}`,
        endpoint: `${request.method} ${request.path}`,
      });
    }
    const text = await response.text().catch(() => '');
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    return { status: response.status, headers, body: parseBody(text) };
  };
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
