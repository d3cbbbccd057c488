import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './openapi-validator.js';

/** A pass-through HTTP proxy that records each exchange, so SDK calls can be checked byte for byte. */
export async function startRecordingProxy(
  target: string,
): Promise<{ baseUrl: string; exchanges: Exchange[]; close(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const upstream = await fetch(`${target}${request.url ?? '/'}`, {
      method: request.method,
      headers: Object.fromEntries(
        Object.entries(request.headers).filter(
          ([name, value]) => typeof value === 'string' && name !== 'host' && name !== 'content-length',
        ),
      ) as Record<string, string>,
      body: body.length > 0 ? body : undefined,
    });
    const text = await upstream.text();
    const url = new URL(request.url ?? '/', 'http://proxy');
    exchanges.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      status: upstream.status,
      body: text === '' ? undefined : JSON.parse(text),
    });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection')
        headers[name] = value;
    });
    response.writeHead(upstream.status, headers);
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
