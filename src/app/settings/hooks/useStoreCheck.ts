import type { AppError, FunctionResult } from '@goal-families/contract';
import type { FunctionsClient } from '@goal-families/ui';
import { useRemoteResult } from '@goal-families/ui';

type Page = Extract<FunctionResult<'app_store_check'>, { ok: true }>;
export type StoreCheck = Omit<Page, 'ok' | 'nextCursor'> & { complete: boolean };

/** Pages of 1,000 records each: 50 pages cover any journal this app could write in years. */
const MAX_PAGES = 50;

async function checkEverything(
  client: FunctionsClient,
): Promise<({ ok: true } & StoreCheck) | { ok: false; error: AppError }> {
  let cursor: string | null = null;
  let result: StoreCheck | null = null;
  const untrusted: StoreCheck['untrusted'] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: FunctionResult<'app_store_check'> = await client.call(
      'app_store_check',
      cursor ? { cursor } : {},
    );
    if (!answer.ok) return answer;
    untrusted.push(...answer.untrusted);
    result = {
      protection: answer.protection,
      checkedEntries: answer.checkedEntries,
      untrusted,
      complete: answer.nextCursor === null,
    };
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  return result
    ? { ok: true, ...result }
    : { ok: false, error: { code: 'INTERNAL_ERROR', message: 'no answer' } };
}

/** The health check of the app's own records: every page of `app_store_check`, merged. */
export function useStoreCheck(client: FunctionsClient, run: number) {
  return useRemoteResult(() => checkEverything(client), `store-check-${run}`).state;
}
