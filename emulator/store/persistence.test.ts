import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator.js';

const directory = mkdtempSync(join(tmpdir(), 'emulator-persistence-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('a file database', () => {
  it('seeds on first open and reopens with every change (records, schemas, ids) intact', async () => {
    const dbFile = join(directory, 'portal.sqlite');
    const first = createEmulator({ dbFile });
    const { baseUrl } = await first.listen(0);
    const headers = { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' };
    await fetch(`${baseUrl}/crm/v3/schemas`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'notes',
        labels: {},
        properties: [{ name: 'note', label: 'Note', type: 'string', fieldType: 'text' }],
      }),
    });
    const created = await fetch(`${baseUrl}/crm/v3/objects/p${first.portalId}_notes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ properties: { note: 'kept' } }),
    }).then((response) => response.json() as Promise<{ id: string }>);
    await fetch(`${baseUrl}/crm/v3/objects/goal_targets/batch/archive`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ inputs: [{ id: first.store.listObjects('goal_targets')[0]?.id }] }),
    });
    const before = first.snapshot();
    await first.close();

    const second = createEmulator({ dbFile, seed: 'empty' });
    expect(second.snapshot()).toBe(before);
    expect(second.store.getObject(`p${second.portalId}_notes`, created.id)?.properties.note).toBe('kept');
    const next = second.store.newObjectId();
    expect(Number(next)).toBeGreaterThan(Number(created.id));
    await second.close();
  });
});
