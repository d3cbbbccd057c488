/**
 * `hs_milestone`: the app's period kinds (weekly, monthly, quarterly, annual) and the values a portal
 * stores for them. Reading recognises every spelling HubSpot uses; writing uses the option the portal
 * itself offers (its goal_targets property definition), never a hard-coded guess.
 */

/** The app's period kinds. */
export const MILESTONES = ['weekly', 'monthly', 'quarterly', 'annual'] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * ASSUMPTION (unverified): the `hs_milestone` values HubSpot has, per period kind, HubSpot's own
 * spelling first. The goals guide shows "monthly" and speaks of "weekly, monthly, quarterly, or yearly"
 * targets; portals answer "annually" for the yearly option. "annual" and "yearly" are read as the
 * same kind so that data written by other tools (and by earlier versions of this app) is recognised.
 */
export const MILESTONE_VALUES: Readonly<Record<Milestone, readonly string[]>> = {
  weekly: ['weekly'],
  monthly: ['monthly'],
  quarterly: ['quarterly'],
  annual: ['annually', 'annual', 'yearly'],
};

const KIND_BY_VALUE = new Map<string, Milestone>(
  MILESTONES.flatMap((kind) => MILESTONE_VALUES[kind].map((value) => [value, kind] as const)),
);

/** A stored `hs_milestone` value as a period kind (case-insensitive, trimmed), or null. */
export function asMilestone(raw: string | null | undefined): Milestone | null {
  if (raw === null || raw === undefined) return null;
  return KIND_BY_VALUE.get(raw.trim().toLowerCase()) ?? null;
}

/** Every value that reads as `kind` (for search filters: `IN` these). */
export const milestoneValuesOf = (kind: Milestone): readonly string[] => MILESTONE_VALUES[kind];

/**
 * The value to write for a period kind, taken from the portal's `hs_milestone` options: the first
 * option that reads as this kind, HubSpot's own spelling preferred. Null when the portal offers none
 * (the caller refuses to create rather than writing a value HubSpot would reject).
 */
export function milestoneValueFor(kind: Milestone, portalOptions: readonly string[]): string | null {
  const offered = portalOptions.filter((option) => asMilestone(option) === kind);
  for (const preferred of MILESTONE_VALUES[kind]) {
    const exact = offered.find((option) => option === preferred);
    if (exact !== undefined) return exact;
  }
  return offered[0] ?? null;
}

/** HubSpot's own spelling of a period kind, for when no portal options are at hand (tests, seeds). */
export const defaultMilestoneValue = (kind: Milestone): string => MILESTONE_VALUES[kind][0] as string;
