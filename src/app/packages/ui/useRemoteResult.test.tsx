import type { AppError } from '@goal-families/contract';
import { Button, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useRemoteResult } from './useRemoteResult';

type Answer = { ok: true; value: string } | { ok: false; error: AppError };

function Probe({ load, first }: { load: (id: string) => Promise<Answer>; first: string }) {
  const [id, setId] = useState(first);
  const { state } = useRemoteResult(() => load(id), id);
  return (
    <>
      <Text testId="state">{state.status === 'success' ? state.data.value : state.status}</Text>
      <Button onClick={() => setId('b')}>switch</Button>
    </>
  );
}

function deferred() {
  let resolve: (a: Answer) => void = () => undefined;
  const promise = new Promise<Answer>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('useRemoteResult', () => {
  it('keeps the newest answer when an older call finishes last', async () => {
    const calls = { a: deferred(), b: deferred() };
    const load = vi.fn((id: string) => calls[id as 'a' | 'b'].promise);
    const r = createRenderer('crm.record.sidebar');
    r.render(<Probe load={load} first="a" />);
    r.find(Button).trigger('onClick');
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    calls.b.resolve({ ok: true, value: 'from b' });
    await vi.waitFor(() => expect(r.findByTestId(Text, 'state').text).toBe('from b'));
    calls.a.resolve({ ok: true, value: 'from a' });
    // The hook's handler was attached first, so it has run once this await returns.
    await calls.a.promise;
    expect(r.findByTestId(Text, 'state').text).toBe('from b');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reports failures as an error state', async () => {
    const r = createRenderer('crm.record.sidebar');
    r.render(
      <Probe load={async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })} first="x" />,
    );
    await vi.waitFor(() => expect(r.findByTestId(Text, 'state').text).toBe('error'));
  });
});
