import { createEmulator, type Emulator, type EmulatorOptions } from './emulator.js';

/** A fake clock tests can move by hand. */
export function manualClock(startIso = '2026-11-28T12:00:00.000Z') {
  let now = Date.parse(startIso);
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface Call {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Start an in-memory emulator on a free port with a small `call` helper around fetch. */
export async function startEmulator(options: EmulatorOptions = {}) {
  const emulator: Emulator = createEmulator(options);
  const { baseUrl } = await emulator.listen(0);
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token: string | null = emulator.token,
  ): Promise<Call> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
  };
  return { emulator, baseUrl, call };
}

/** Loose view of a JSON body for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked field by field by the assertions.
export type Json = any;
