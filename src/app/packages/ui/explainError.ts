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
    unchanged: 'not reached (unchanged)',
  };
  return [...counts.entries()].map(
    ([state, n]) => `${n} slice${n === 1 ? '' : 's'} ${words[state] ?? state}`,
  );
}

/** The server's reason for a refusal (`details.reason`), when it gave one. */
const reasonOf = (error: AppError): string | null => {
  const reason = asDetails(error.details).reason;
  return typeof reason === 'string' ? reason : null;
};

type Explained = Omit<ErrorExplanation, 'specifics'> & { specifics?: string[] };

/** A CONFLICT means different things: each reason gets words that match what really happened. */
function explainConflict(error: AppError): Explained {
  const warning = { variant: 'warning' as const };
  switch (reasonOf(error)) {
    case 'NOT_NEWEST':
      return {
        ...warning,
        title: 'Only the newest change of a goal can be undone',
        what: 'This goal was changed again after this change. Nothing was changed.',
        next: 'Undo the newer change first, or make the change you want by hand.',
      };
    case 'CHANGED_SINCE':
      return {
        ...warning,
        title: 'The goal changed since',
        what: 'The goal was edited after this change was made, so undoing it would overwrite those edits. Nothing was changed.',
        next: 'Make the change you want by hand.',
      };
    case 'ALREADY_UNDONE':
      return {
        ...warning,
        title: 'Already undone',
        what: 'This change was undone already. Nothing was changed.',
        next: 'Refresh the activity to see the current state.',
      };
    case 'UNFINISHED_CHANGE':
      return {
        ...warning,
        title: 'An earlier change did not finish',
        what: 'An earlier change to this goal stopped halfway, so the goal may be half-changed. Nothing was changed now.',
        next: 'In the app settings, open Activity or the health check, and finish that change or roll it back. Then try again.',
      };
    case 'CHANGE_IN_PROGRESS':
      return {
        ...warning,
        title: 'Another change is being saved',
        what: 'Another change to this goal is being saved right now. Nothing was changed by yours.',
        next: 'Try again in a few seconds.',
      };
    case 'CHANGED_MEANWHILE':
      return {
        ...warning,
        title: 'Another change was saved first',
        what: 'A change to this goal was saved while yours was being prepared, so yours was not applied: nothing of it was written.',
        next: 'Preview again to see the goal as it is now, and apply again if it is still what you want.',
      };
    case 'SEARCH_BEHIND':
      return {
        ...warning,
        title: 'HubSpot is still catching up',
        what: 'This goal changed seconds ago and HubSpot has not finished updating its search, so part of the goal may not be visible yet. Nothing was changed.',
        next: 'Try again in a few seconds.',
      };
    case 'NOT_UNDOABLE':
      return {
        ...warning,
        title: 'This change cannot be undone',
        what: `${error.message} Nothing was changed.`,
        next: 'Make the change you want by hand.',
      };
    case 'NOT_RESOLVABLE':
      return {
        ...warning,
        title: 'This change cannot be finished or rolled back here',
        what: `${error.message} Nothing was changed.`,
        next: 'Run the health check in the app settings and repair the goal.',
      };
    case 'NOT_UNFINISHED':
      return {
        ...warning,
        title: 'Nothing left to finish',
        what: 'This change has already been finished or rolled back.',
        next: 'Refresh the activity to see the current state.',
      };
    default:
      return {
        ...warning,
        title: 'The goal changed since your preview',
        what: 'The goal changed after you opened the preview, so nothing was saved.',
        next: 'Refresh, look at the new preview, and apply again if it is still what you want.',
      };
  }
}

export function explainError(error: AppError): ErrorExplanation {
  const base = { specifics: [] as string[], variant: 'error' as const };
  switch (error.code) {
    case 'CONFLICT':
      return { ...base, ...explainConflict(error) };
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
      if (reasonOf(error) === 'FINDING_GONE') {
        return {
          ...base,
          variant: 'warning',
          title: 'This problem is no longer there',
          what: 'An earlier repair or edit already fixed it. Nothing was changed.',
          next: "The goal's findings have been checked again: repair those still listed.",
        };
      }
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
      if (reasonOf(error) === 'DEADLINE') {
        return {
          ...base,
          variant: 'warning',
          title: 'HubSpot was too slow',
          what: 'HubSpot was too slow (or asked to wait too long) for this change to finish in time, so it was stopped and everything it had changed was undone. The goal is exactly as it was before.',
          next: 'Try again in a minute.',
        };
      }
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
        title: 'The goal is half-changed',
        what: 'Part of this change was saved and part was not, and it could not be undone automatically, so this goal is not consistent right now.',
        next: 'In the app settings, open Activity (or run the health check) and choose “Finish it” or “Roll it back”: each is previewed first.',
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
