/**
 * The benchmark's scenario table: what is measured, at which sizes, and the lower-bound, naive and
 * rate-limit-floor formulas that apply. The runner turns each row into calls through the real app functions.
 */
import {
  adminListLowerBound,
  adminListNaive,
  archiveLowerBound,
  archiveNaive,
  type Bound,
  callsFloor,
  createLowerBound,
  createNaive,
  type Floor,
  firstPaintLowerBound,
  firstPaintNaive,
  healthLowerBound,
  healthNaive,
  openFamilyLowerBound,
  openFamilyNaive,
  renameLowerBound,
  renameNaive,
  scanFloor,
} from './formulas';

export type ScenarioKind =
  | 'first-paint'
  | 'open-family'
  | 'rename'
  | 'create'
  | 'health'
  | 'archive'
  | 'admin-list';

export type Scenario = {
  id: string;
  kind: ScenarioKind;
  label: string;
  /**
   * Slices in the family (rename, create, archive, open), the owner's slices (first paint) or targets
   * in the portal (health, admin list).
   */
  size: number;
  /** Assignees × periods of each family, for the family scenarios (first paint: the owner is one of the assignees). */
  assignees: number;
  periods: number;
  /** Families (first paint: the owner's families; health: filled in from the generated portal). */
  families: number;
};

const family = (kind: ScenarioKind, label: string, assignees: number, periods = 12): Scenario => ({
  id: `${kind}-${assignees * periods}`,
  kind,
  label,
  size: assignees * periods,
  assignees,
  periods,
  families: 1,
});

const health = (targets: number): Scenario => ({
  id: `health-${targets}`,
  kind: 'health',
  label: `Health check, ${targets.toLocaleString('en-US')} targets`,
  size: targets,
  assignees: 0,
  periods: 0,
  families: 0,
});

/** The admin panel's Families tab, unfiltered: its first page from the family index a health check stored. */
const adminList = (targets: number): Scenario => ({
  id: `admin-list-${targets}`,
  kind: 'admin-list',
  label: `Admin list, ${targets.toLocaleString('en-US')} targets`,
  size: targets,
  assignees: 0,
  periods: 0,
  families: 0,
});

export const FIRST_PAINT: Scenario = {
  id: 'first-paint-10',
  kind: 'first-paint',
  label: 'Card first paint, owner with 10 families',
  size: 10 * 12,
  assignees: 1,
  periods: 12,
  families: 10,
};

/** The card of a rep who is one of 100 assignees in each of 10 company-wide goals (12,000 slices in all). */
export const FIRST_PAINT_LARGE: Scenario = {
  id: 'first-paint-10x1200',
  kind: 'first-paint',
  label: 'Card first paint, owner in 10 families of 100 × 12',
  size: 10 * 12,
  assignees: 100,
  periods: 12,
  families: 10,
};

/** Slices of all the families a first-paint scenario shows (the owner's and everyone else's in them). */
export const familySlices = (s: Scenario) => s.families * s.assignees * s.periods;

/** The full run of `npm run bench`. */
export const SCENARIOS: readonly Scenario[] = [
  FIRST_PAINT,
  FIRST_PAINT_LARGE,
  family('open-family', 'Open a family of 100 × 12 slices', 100),
  family('rename', 'Rename, 1 × 12 slices', 1),
  family('rename', 'Rename, 10 × 12 slices', 10),
  family('rename', 'Rename, 50 × 12 slices', 50),
  family('rename', 'Rename, 100 × 12 slices', 100),
  family('create', 'Create, 50 assignees × 12 months', 50),
  health(1_000),
  health(10_000),
  health(50_000),
  adminList(10_000),
  adminList(50_000),
  family('archive', 'Archive, 50 × 12 slices', 50),
];

/** The smoke run inside `npm test`: small, deterministic counts only. */
export const SMOKE_SCENARIOS: readonly Scenario[] = [
  FIRST_PAINT,
  family('rename', 'Rename, 10 × 12 slices', 10),
  family('create', 'Create, 5 assignees × 12 months', 5),
  family('archive', 'Archive, 10 × 12 slices', 10),
];

export function lowerBound(s: Scenario): Bound {
  switch (s.kind) {
    case 'first-paint':
      return firstPaintLowerBound(s.size);
    case 'open-family':
      return openFamilyLowerBound(s.size);
    case 'rename':
      return renameLowerBound(s.size);
    case 'archive':
      return archiveLowerBound(s.size);
    case 'create':
      return createLowerBound(s.size);
    case 'health':
      return healthLowerBound(s.size);
    case 'admin-list':
      return adminListLowerBound(s.size);
  }
}

const pages = (n: number, perPage: number) => (n <= 0 ? 0 : Math.ceil(n / perPage));

/**
 * The least simulated time the scenario can take at HubSpot's sustained rates: a scan's floor, or the
 * lower bound's searches (5 per second) and other calls (19 per second) side by side.
 */
export function rateFloor(s: Scenario): Floor {
  const n = s.size;
  switch (s.kind) {
    case 'health':
      return scanFloor(n);
    case 'admin-list':
      // The stored index by one batch read: a general call.
      return callsFloor(0, 1, '1/19 s');
    case 'first-paint':
      return callsFloor(Math.max(1, pages(n, 200)), 1, 'max(max(1, ⌈S/200⌉)/5, 1/19) s');
    case 'open-family':
      return callsFloor(pages(n, 200), 0, '⌈n/200⌉/5 s');
    case 'rename':
    case 'archive':
      return callsFloor(pages(n, 200), pages(n, 100), 'max(⌈n/200⌉/5, ⌈n/100⌉/19) s');
    case 'create':
      return callsFloor(0, pages(n, 100), '⌈n/100⌉/19 s');
  }
}

/** `families` is the portal's family count for the health check (known once the portal is generated). */
export function naiveCount(s: Scenario, families = s.families): Bound {
  switch (s.kind) {
    case 'first-paint':
      return firstPaintNaive(s.size, families, s.assignees * s.periods);
    case 'open-family':
      return openFamilyNaive(s.size);
    case 'rename':
      return renameNaive(s.size);
    case 'archive':
      return archiveNaive(s.size);
    case 'create':
      return createNaive(s.size);
    case 'health':
      return healthNaive(s.size, families);
    case 'admin-list':
      return adminListNaive(s.size);
  }
}
