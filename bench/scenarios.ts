/**
 * The benchmark's scenario table (issue 7): what is measured, at which sizes, and the lower-bound and
 * naive formulas that apply. The runner turns each row into calls through the real app functions.
 */
import {
  adminListLowerBound,
  adminListNaive,
  archiveLowerBound,
  archiveNaive,
  type Bound,
  createLowerBound,
  createNaive,
  firstPaintLowerBound,
  firstPaintNaive,
  healthLowerBound,
  healthNaive,
  renameLowerBound,
  renameNaive,
} from './formulas';

export type ScenarioKind = 'first-paint' | 'rename' | 'create' | 'health' | 'archive' | 'admin-list';

export type Scenario = {
  id: string;
  kind: ScenarioKind;
  label: string;
  /** Slices in the family (rename, create, archive, first paint) or targets in the portal (health). */
  size: number;
  /** Assignees × periods, for the family scenarios. */
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

/** The admin panel's Families tab, unfiltered: the family index in bounded calls, then one page. */
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

/** The full run of `npm run bench`. */
export const SCENARIOS: readonly Scenario[] = [
  FIRST_PAINT,
  family('rename', 'Rename, 1 × 12 slices', 1),
  family('rename', 'Rename, 10 × 12 slices', 10),
  family('rename', 'Rename, 50 × 12 slices', 50),
  family('rename', 'Rename, 100 × 12 slices', 100),
  family('create', 'Create, 50 assignees × 12 months', 50),
  health(1_000),
  health(10_000),
  health(50_000),
  adminList(10_000),
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

/** `families` is the portal's family count for the health check (known once the portal is generated). */
export function naiveCount(s: Scenario, families = s.families): Bound {
  switch (s.kind) {
    case 'first-paint':
      return firstPaintNaive(s.size, families);
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
