/**
 * `app_store_check` (part of the health check): is the app's own storage what the app wrote? Reports
 * whether records are signed at all, what the settings record's check found, and every journal record
 * that cannot be believed (tampered, or unsigned while the app signs). A resumable scan in id order,
 * a few pages per call, so that any number of journal entries can be checked.
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { parseEntry } from './safe-write/journal';
import { loadSettings } from './safe-write/permissions';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';

/** Per call: this many searches of this many records (well inside one invocation). */
export const STORE_CHECK_LIMITS = { pages: 5, pageSize: 200 } as const;

const CheckCursor = z.strictObject({
  last: z.string().regex(/^\d{1,20}$/),
  n: z.number().int().min(0),
});

type Untrusted = SuccessOf<'app_store_check'>['untrusted'][number];

const instant = (text: string) => {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

export function checkStore(
  deps: UseCaseDeps,
  p: Params<'app_store_check'>,
): Promise<Result<SuccessOf<'app_store_check'>>> {
  return guarded(async () => {
    const cursor = decodeCursor(p.cursor, CheckCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    const store = deps.gateway.store;
    const { record: settingsRecord, protection } = await loadSettings(store);
    const untrusted: Untrusted[] = [];
    let last = cursor?.last ?? null;
    let checked = cursor?.n ?? 0;
    let done = false;
    for (let page = 0; page < STORE_CHECK_LIMITS.pages && !done; page++) {
      const scan = await store.scanRecords(last, STORE_CHECK_LIMITS.pageSize);
      done = scan.done;
      for (const record of scan.records) {
        last = record.id;
        // The settings record is reported through `protection`.
        if (record.id === settingsRecord?.id) continue;
        checked++;
        if (record.trusted) continue;
        const entry = parseEntry(record);
        untrusted.push({
          id: record.id,
          integrity: record.integrity,
          at: instant(record.createdAt),
          familyUuid: record.familyUuid,
          familyName: entry?.familyName ?? null,
        });
      }
      if (scan.records.length === 0) done = true;
    }
    return success({
      protection,
      checkedEntries: checked,
      untrusted,
      nextCursor: done || last === null ? null : encodeCursor({ last, n: checked }),
    });
  });
}
