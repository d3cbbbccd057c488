import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrmContext } from '../crm/context.js';
import { createObject, deleteObject, patchObject } from '../crm/objects-basic.js';
import { searchObjects } from '../crm/search.js';
import { createEmulator } from '../emulator.js';
import type { ApiRequest } from '../http/types.js';

const NAMES = ['Alpha', 'alpha', 'Beta', 'Gamma'];

type Operation =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; target: number; name: string }
  | { kind: 'archive'; target: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'lag'; ms: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('rename' as const), target: fc.nat(20), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('archive' as const), target: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 1_500 }) }),
  fc.record({ kind: fc.constant('lag' as const), ms: fc.constantFrom(0, 1_000) }),
);

const request = (params: Record<string, string>, body?: unknown): ApiRequest => ({
  method: 'POST',
  params: { objectType: 'goal_targets', ...params },
  query: new URLSearchParams(),
  body,
});

function ids(context: CrmContext, filter: object): string[] {
  const response = searchObjects(context, request({}, { filterGroups: [{ filters: [filter] }], limit: 200 }));
  return (response.body as { results: Array<{ id: string }> }).results.map((result) => result.id);
}

describe('the equality index behind search', () => {
  it('finds exactly what a full scan finds, through writes, archives and search lag', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        let now = Date.parse('2026-11-28T12:00:00.000Z');
        const emulator = createEmulator({ seed: 'empty', clock: () => now });
        const context: CrmContext = { store: emulator.store, takeBatchFailure: () => undefined };
        const created: string[] = [];
        for (const step of operations) {
          if (step.kind === 'create') {
            const response = createObject(context, request({}, { properties: { hs_goal_name: step.name } }));
            created.push((response.body as { id: string }).id);
          } else if (step.kind === 'rename' && created.length > 0) {
            const id = created[step.target % created.length] ?? '';
            const record = emulator.store.getObject('goal_targets', id);
            if (record && !record.archived)
              patchObject(context, request({ id }, { properties: { hs_goal_name: step.name } }));
          } else if (step.kind === 'archive' && created.length > 0) {
            deleteObject(context, request({ id: created[step.target % created.length] ?? '' }));
          } else if (step.kind === 'wait') {
            now += step.ms;
          } else if (step.kind === 'lag') {
            emulator.configure({ searchLagMs: step.ms });
          }
          for (const name of NAMES) {
            // EQ goes through the index; IN with one value is the same test done by a full scan.
            const indexed = ids(context, { propertyName: 'hs_goal_name', operator: 'EQ', value: name });
            const scanned = ids(context, { propertyName: 'hs_goal_name', operator: 'IN', values: [name] });
            expect(indexed).toEqual(scanned);
          }
        }
        void emulator.close();
      }),
      { numRuns: 60 },
    );
  });
});
