import type { FamilyFilter } from '../types/contractTypes';

/** The Families tab's filter form: '' means "any". */
export interface FilterForm {
  text: string;
  ownerId: string;
  teamId: string;
  goalType: string;
  milestone: string;
  year: string;
  health: string;
}

export const EMPTY_FILTER: FilterForm = {
  text: '',
  ownerId: '',
  teamId: '',
  goalType: '',
  milestone: '',
  year: '',
  health: '',
};

const MILESTONES = new Set(['weekly', 'monthly', 'quarterly', 'annual']);

/** Form → the contract's FamilyFilter; a year becomes the period range it covers. */
export function toFamilyFilter(form: FilterForm): FamilyFilter {
  const filter: FamilyFilter = {};
  const text = form.text.trim().slice(0, 100);
  if (text) filter.text = text;
  if (/^\d+$/.test(form.ownerId)) filter.ownerId = form.ownerId;
  if (/^\d+$/.test(form.teamId)) filter.teamId = form.teamId;
  if (form.goalType) filter.goalType = form.goalType;
  if (MILESTONES.has(form.milestone)) filter.milestone = form.milestone as FamilyFilter['milestone'];
  if (/^\d{4}$/.test(form.year)) {
    filter.from = `${form.year}-01-01`;
    filter.to = `${form.year}-12-31`;
  }
  if (form.health === 'healthy' || form.health === 'broken') filter.health = form.health;
  return filter;
}

export function yearOptions(now: Date): { label: string; value: string }[] {
  const year = now.getUTCFullYear();
  return [year - 2, year - 1, year, year + 1, year + 2].map((y) => ({ label: String(y), value: String(y) }));
}
