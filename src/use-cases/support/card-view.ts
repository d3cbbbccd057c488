/**
 * The sidebar card's first paint in one invocation (`goal_families_list` with `view: 'card'`): the app
 * settings and the assignee's families, each with the slices of the assignee's own group. The settings
 * and the assignee's slices are read at once; the families shown (at most `settings.card.maxFamilies`)
 * are then read whole, for their health and family-wide figures, unless together they exceed
 * `CARD_WHOLE_FAMILY_PAGES` search pages: a card must paint in a second or two, so such families are
 * shown from the assignee's own slices, marked `partial`.
 */
import type { Assignee, FamilySummaryDto, Params, SuccessOf } from '@goal-families/contract';
import {
  auditFamily,
  type Family,
  groupFamilies,
  parseTarget,
  type RawGoalTarget,
  READ_PROPERTIES,
  type TargetGroup,
} from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import type { CrmRecord } from '../ports';
import { identify, isFailure, loadSettings, settingsView } from '../safe-write/permissions';
import { familiesByName, queryOf } from './family-query';
import { createNameBook } from './names';
import { presentSummary } from './presenters';

/** Search pages (200 slices each) the card may spend reading its families whole: about 2 s at 5 a second. */
export const CARD_WHOLE_FAMILY_PAGES = 10;
const SEARCH_PAGE = 200;

type CardResult = SuccessOf<'goal_families_list'>;

/** The group the card shows for `assignee`: the assignee's own, or else the first (as the card picks it). */
export function assigneeGroups(family: Family, assignee: Assignee): Set<TargetGroup> {
  const own = family.groups.filter(
    (g) => g.assignee?.kind === assignee.kind && g.assignee.id === assignee.id,
  );
  const first = family.groups[0];
  return new Set(own.length > 0 ? own : first ? [first] : []);
}

const parse = (records: readonly CrmRecord[]) => records.map((r) => parseTarget(r as RawGoalTarget));

export async function cardView(
  deps: UseCaseDeps,
  p: Params<'goal_families_list'>,
): Promise<Omit<CardResult, 'ok'>> {
  const f = p.filter;
  const assignee: Assignee = f.teamId
    ? { kind: 'team', id: f.teamId }
    : { kind: 'owner', id: f.ownerId ?? '' };
  const [actor, loaded, mine] = await Promise.all([
    identify(deps.gateway, p.caller),
    loadSettings(deps.gateway.store),
    deps.gateway.searchTargets(queryOf(f, p.portal.timeZone), READ_PROPERTIES),
  ]);
  // A user HubSpot does not know still sees the goals, read-only, as anyone who can see the record.
  const app = settingsView(loaded, isFailure(actor) ? null : actor);
  const uuids = familiesByName(mine, f.text);
  const shown = uuids.slice(0, Math.min(p.limit, loaded.settings.card.maxFamilies));
  const names = createNameBook(deps.gateway);
  // The owners' names load while the families do (the book asks HubSpot once, whatever the id).
  if (shown.length > 0) void names.name('owner', assignee.id);
  const whole = shown.length > 0 ? await readWhole(deps, shown) : null;
  const families =
    whole ??
    groupFamilies(parse(mine.filter((r) => shown.includes(r.properties.hs_group_correlation_uuid ?? ''))))
      .families;
  const byUuid = new Map(families.map((family) => [family.uuid, family]));
  const out: FamilySummaryDto[] = [];
  for (const uuid of shown) {
    const family = byUuid.get(uuid);
    if (!family) continue;
    const options = {
      nowMs: deps.now(),
      names,
      timeZone: p.portal.timeZone,
      withSlices: (g: TargetGroup) => assigneeGroups(family, assignee).has(g),
    };
    if (whole) {
      const summary = await presentSummary(
        family,
        options,
        auditFamily(family, { timeZone: p.portal.timeZone }),
      );
      if (f.health === 'healthy' && !summary.healthy) continue;
      if (f.health === 'broken' && summary.healthy) continue;
      out.push(summary);
    } else {
      // Health unknown: nothing to leave out for a health filter, nothing checked to show.
      out.push({ ...(await presentSummary(family, options, [])), partial: true });
    }
  }
  return { families: out, nextCursor: null, total: uuids.length, app };
}

/**
 * The shown families in full, or null when they hold more than `CARD_WHOLE_FAMILY_PAGES` pages of
 * slices: the first page says how many there are, so no more is read than will be used.
 */
async function readWhole(deps: UseCaseDeps, uuids: readonly string[]): Promise<Family[] | null> {
  const first = await deps.gateway.firstPageByUuids(uuids, SEARCH_PAGE);
  if (Math.ceil(first.total / SEARCH_PAGE) > CARD_WHOLE_FAMILY_PAGES) return null;
  const last = first.results.at(-1);
  const rest =
    last && first.results.length < first.total
      ? await deps.gateway.searchByUuids(uuids, [{ above: last.id }])
      : [];
  return groupFamilies(parse([...first.results, ...rest])).families;
}
