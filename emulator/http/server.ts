import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorBody, HubSpotHttpError, unauthenticated } from './errors.js';
import type { Router } from './router.js';
import type { ApiRequest, ApiResponse } from './types.js';

export interface ServerHooks<A, C> {
  api: Router<A>;
  apiContext: A;
  control: Router<C>;
  controlContext: C;
  controlPrefix: string;
  token: () => string;
  /** Called for every matched API call, before anything else can fail it. */
  count(counterKey: string): void;
  latencyMs(): number;
  /** How latency is waited out; default a real timer (benchmarks pass a virtual clock's sleep). */
  sleep?: (ms: number) => Promise<unknown>;
  /**
   * Throws an injected fault or a 429; returns rate-limit headers to send and what to do with the call:
   * answer it, do it but lose the answer (the connection drops), or drop it undone.
   */
  admit(
    kind: 'standard' | 'search',
    counterKey: string,
  ): { headers: Record<string, string>; fate: 'answer' | 'lose-answer' | 'drop' };
  /** Sees each request's headers first, control calls included (the benchmarks' virtual clock travels in one). */
  onRequest?(headers: IncomingMessage['headers']): void;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
};

function readBody(request: IncomingMessage): Promise<string> {
  const hasBody =
    request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || request.headers['content-length'] === '0') {
    request.resume();
    return Promise.resolve('');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HubSpotHttpError(
      400,
      'VALIDATION_ERROR',
      'Invalid input JSON on line 1: the request body is not valid JSON',
    );
  }
}

function send(
  response: ServerResponse,
  answer: ApiResponse,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string> = { ...CORS, ...extraHeaders, ...(answer.headers ?? {}) };
  if (answer.status === 204) {
    response.writeHead(204, headers);
    response.end();
    return;
  }
  const text = answer.text ?? JSON.stringify(answer.body ?? {});
  response.writeHead(answer.status, {
    ...headers,
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendError(response: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  const known =
    error instanceof HubSpotHttpError
      ? error
      : new HubSpotHttpError(
          500,
          'INTERNAL_ERROR',
          `Emulator error: ${(error as Error)?.message ?? String(error)}`,
        );
  send(
    response,
    { status: known.httpStatus, body: errorBody(known), headers: known.details.headers },
    headers,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The HTTP front: control routes first, then auth, faults, rate limits and the HubSpot routes. */
export function createHttpServer<A, C>(hooks: ServerHooks<A, C>): Server {
  return createServer(async (request, response) => {
    try {
      const rawUrl = request.url ?? '/';
      const queryStart = rawUrl.indexOf('?');
      // Cheaper than `new URL` on every call; the path is decoded segment by segment by the router.
      const url = {
        pathname: queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart),
        searchParams: new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1)),
      };
      const method = request.method ?? 'GET';
      if (method === 'OPTIONS') return send(response, { status: 204 });
      const body = await readBody(request);
      const apiRequest = (params: Record<string, string>): ApiRequest => ({
        method,
        params,
        query: url.searchParams,
        body: parseJson(body),
      });
      hooks.onRequest?.(request.headers);
      if (url.pathname.startsWith(`${hooks.controlPrefix}/`)) {
        const match = hooks.control.match(method, url.pathname);
        if (!match)
          throw new HubSpotHttpError(404, 'NOT_FOUND', `No control route ${method} ${url.pathname}`);
        return send(response, await match.route.handle(hooks.controlContext, apiRequest(match.params)));
      }
      const match = hooks.api.match(method, url.pathname);
      if (!match) {
        // ASSUMPTION (unverified): the body HubSpot sends for a path it does not serve.
        throw new HubSpotHttpError(
          404,
          'NOT_FOUND',
          `No route for ${method} ${url.pathname} in the HubSpot emulator`,
        );
      }
      hooks.count(match.counterKey);
      const latency = hooks.latencyMs();
      if (latency > 0) await (hooks.sleep ?? sleep)(latency);
      const authorization = request.headers.authorization ?? '';
      if (authorization !== `Bearer ${hooks.token()}`) throw unauthenticated();
      const { headers: rateHeaders, fate } = hooks.admit(match.route.rateLimit, match.counterKey);
      if (fate === 'drop') return void request.socket.destroy();
      let answer: ApiResponse | undefined;
      let failure: unknown;
      try {
        answer = await match.route.handle(hooks.apiContext, apiRequest(match.params));
      } catch (error) {
        failure = error;
      }
      // Done, but the caller never hears of it (a timeout, a dropped connection, a killed invocation).
      if (fate === 'lose-answer') return void request.socket.destroy();
      if (answer) send(response, answer, rateHeaders);
      else sendError(response, failure, rateHeaders);
    } catch (error) {
      sendError(response, error);
    }
  });
}
