import type { AppError } from '@goal-families/contract';

/** A failure put in plain words: what happened, whether anything changed, and what to do next. */
export interface ErrorExplanation {
  title: string;
  what: string;
  next: string;
  /** Specific lines from `details` (invalid fields, slice states), at most a handful. */
  specifics: string[];
  variant: 'error' | 'warning';
}

const MAX_SPECIFICS = 8;

type Details = Record<string, unknown>;
const asDetails = (details: unknown): Details =>
  typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Details) : {};

/** Validation details may be zod issues `{ path, message }` or a field → message map. */
function validationSpecifics(details: unknown): string[] {
  const d = asDetails(details);
  const issues = Array.isArray(details) ? details : Array.isArray(d.issues) ? d.issues : null;
  if (issues) {
    return issues.flatMap((issue: unknown) => {
      const i = asDetails(issue);
      if (typeof i.message !== 'string') return [];
      const path = Array.isArray(i.path) ? i.path.join('.') : '';
      return [path ? `${path}: ${i.message}` : i.message];
    });
  }
  return Object.entries(d)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${k}: ${String(v)}`);
}

/** NEEDS_ATTENTION carries `details.slices`: each slice's state after a failed rollback. */
function sliceStateSpecifics(details: unknown): string[] {
  const slices = asDetails(details).slices;
  if (!Array.isArray(slices)) return [];
  const counts = new Map<string, number>();
  for (const slice of slices) {
    const state = asDetails(slice).state;
    const key = typeof state === 'string' ? state : 'unknown';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const words: Record<string, string> = {
    applied: 'changed',
    rolled_back: 'restored',
    failed: 'failed to change',
    unknown: 'in an unknown state',
    unchanged: 'unchanged',
  };
  return [...counts.entries()].map(
    ([state, n]) => `${n} slice${n === 1 ? '' : 's'} ${words[state] ?? state}`,
  );
}

export function explainError(error: AppError): ErrorExplanation {
  const base = { specifics: [] as string[], variant: 'error' as const };
  switch (error.code) {
    case 'CONFLICT':
      return {
        ...base,
        variant: 'warning',
        title: 'Someone else changed this goal',
        what: 'The goal changed after you opened the preview, so nothing was saved.',
        next: 'Refresh, look at the new preview, and apply again if it is still what you want.',
      };
    case 'FORBIDDEN':
      return {
        ...base,
        title: 'You are not allowed to change goals here',
        what: 'Your HubSpot user is not one of the editors chosen in the app settings. Nothing was saved.',
        next: 'Ask a super admin to add you (or one of your teams) as an editor in the app settings.',
      };
    case 'VALIDATION_ERROR':
      return {
        ...base,
        variant: 'warning',
        title: 'Some values were not accepted',
        what: `${error.message} Nothing was saved.`,
        next: 'Correct the values and try again.',
        specifics: validationSpecifics(error.details).slice(0, MAX_SPECIFICS),
      };
    case 'NOT_FOUND':
      return {
        ...base,
        variant: 'warning',
        title: 'This goal no longer exists',
        what: 'It may have been archived or deleted in HubSpot.',
        next: 'Refresh to see the current goals.',
      };
    case 'RATE_LIMITED':
      return {
        ...base,
        variant: 'warning',
        title: 'HubSpot is busy',
        what: 'HubSpot is receiving too many requests from this portal right now. Nothing was saved.',
        next: 'Wait a minute, then try again.',
      };
    case 'PARTIAL_FAILURE_ROLLED_BACK':
      return {
        ...base,
        variant: 'warning',
        title: 'The change was undone',
        what: 'HubSpot refused some of the updates, so every update that had gone through was reversed. The goal is exactly as it was before.',
        next: 'Try again in a few minutes. If it keeps failing, run the health check in the app settings.',
      };
    case 'NEEDS_ATTENTION':
      return {
        ...base,
        title: 'The goal may be half-changed',
        what: 'Some updates failed and undoing the others failed too, so this goal is not consistent right now.',
        next: 'Open the app settings, run the health check on this goal and repair it, or apply the same change again.',
        specifics: sliceStateSpecifics(error.details),
      };
    case 'HUBSPOT_ERROR':
      return {
        ...base,
        title: 'HubSpot returned an error',
        what: error.message,
        next: 'Try again. If it keeps happening, tell your HubSpot admin what you were doing.',
      };
    default:
      return {
        ...base,
        title: 'Something went wrong',
        what: error.message,
        next: 'Try again. If it keeps happening, tell your HubSpot admin what you were doing.',
      };
  }
}
