/** `goal_families_list` (F1, F2): family summaries for the card and the admin list, filtered and paged. */
import type { FamilySummaryDto, Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { auditFamily, groupFamilies, PROP, parseTarget, type RawGoalTarget } from '@goal-families/domain';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { RateUsageCursor } from './scan/scan-cursor';
import { cardView } from './support/card-view';
import { decodeCursor, encodeCursor } from './support/cursor';
import { familiesByName, queryOf } from './support/family-query';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';
import { presentSummary } from './support/presenters';

const ListCursor = z.object({ o: z.number().int().min(0) });

/**
 * Two steps. (1) One search, paged, for the matching targets with only uuid and name: the set of
 * matching families, sorted by name (text matched here, case-insensitively). (2) The page's families
 * in full by one `IN` search, so every group shows even when the filter matched one assignee.
 * The list reads search only (no read-back by id): it is a view, and the next edit re-reads anyway.
 * With `uuids` (the admin panel, paging its own index from `goal_families_index`) step 1 is skipped;
 * with `view: 'card'` the card's first paint is answered instead (`support/card-view.ts`).
 * Step 1 over the whole portal is the slow path (about N/200 searches per call): the admin panel uses
 * it only for the health filter.
 */
export function listFamilies(
  deps: UseCaseDeps,
  p: Params<'goal_families_list'>,
): Promise<Result<SuccessOf<'goal_families_list'>>> {
  return guarded(async () => {
    const cursor = decodeCursor(p.cursor, ListCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    // The card's first paint: settings and the assignee's families in one call.
    if (p.view === 'card') return success(await cardView(deps, p));
    // The admin panel pages its own index and asks for exactly its page: step 2 alone, counting the
    // index scan's recent calls against the rate limits (it may have used the whole second's searches).
    if (p.uuids) {
      const budget = decodeCursor(p.budget, RateUsageCursor);
      if (budget === 'invalid')
        return failure('VALIDATION_ERROR', 'budget is not one goal_families_index returned');
      if (budget) deps.gateway.adoptRateUsage(budget);
      return success(await summariesOf(deps, p, [...new Set(p.uuids)]));
    }
    const f = p.filter;
    const hits = await deps.gateway.searchTargets(queryOf(f, p.portal.timeZone), [PROP.uuid, PROP.name]);
    const uuids = familiesByName(hits, f.text);
    const offset = cursor?.o ?? 0;
    const page = uuids.slice(offset, offset + p.limit);
    const { families: out } = await summariesOf(deps, p, page);
    const next = offset + p.limit < uuids.length ? encodeCursor({ o: offset + p.limit }) : null;
    return success({ families: out, nextCursor: next, total: uuids.length });
  });
}

/**
 * Step 2 alone: the given families in full by one `IN` search, summarised in the given order
 * (unknown uuids skipped). The health filter applies within the page.
 */
async function summariesOf(
  deps: UseCaseDeps,
  p: Params<'goal_families_list'>,
  page: readonly string[],
): Promise<{ families: FamilySummaryDto[]; nextCursor: null; total: number }> {
  const f = p.filter;
  const records = page.length ? await deps.gateway.searchByUuids(page) : [];
  const { families } = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget)));
  const byUuid = new Map(families.map((fam) => [fam.uuid, fam]));
  const book = createNameBook(deps.gateway);
  const out: FamilySummaryDto[] = [];
  for (const uuid of page) {
    const family = byUuid.get(uuid);
    if (!family) continue;
    const findings = auditFamily(family, { timeZone: p.portal.timeZone });
    const summary = await presentSummary(
      family,
      { nowMs: deps.now(), names: book, timeZone: p.portal.timeZone, withSlices: p.detail === 'slices' },
      findings,
    );
    // The health filter applies within the page: a page may hold fewer than `limit` families.
    if (f.health === 'healthy' && !summary.healthy) continue;
    if (f.health === 'broken' && summary.healthy) continue;
    out.push(summary);
  }
  return { families: out, nextCursor: null, total: out.length };
}
