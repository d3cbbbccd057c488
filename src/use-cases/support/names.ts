/** Owner and team display names, fetched at most once per invocation (and only when needed). */
import type { GoalTargetsGateway } from '../ports';

export type NameBook = { name: (kind: 'owner' | 'team', id: string) => Promise<string | undefined> };

export function createNameBook(gateway: GoalTargetsGateway): NameBook {
  let owners: Promise<Map<string, string>> | null = null;
  let teams: Promise<Map<string, string>> | null = null;
  // Names are decoration: when HubSpot cannot give them, the ids still show.
  const safe = (p: Promise<{ id: string; name: string }[]>) =>
    p.then((rows) => new Map(rows.map((r) => [r.id, r.name]))).catch(() => new Map<string, string>());
  return {
    async name(kind, id) {
      if (kind === 'owner') {
        owners ??= safe(gateway.owners());
        return (await owners).get(id);
      }
      teams ??= safe(gateway.teams());
      return (await teams).get(id);
    },
  };
}

/**
 * A name book that knows nobody: for an apply, whose answer the UI only counts (the preview before it
 * named everyone), so that the invocation with the tightest time budget makes no name calls.
 */
export const NO_NAMES: NameBook = { name: async () => undefined };
