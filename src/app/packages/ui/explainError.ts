import type { AppError } from '@goal-families/contract';

/** A failure put in plain words: what happened, whether anything changed, and what to do next. */
export interface ErrorExplanation {
  title: string;
  what: string;
  next: string;
  /** Specific lines from `details` (invalid fields, target states), at most a handful. */
  specifics: string[];
  variant: 'error' | 'warning';
}

const MAX_SPECIFICS = 8;
const RETRY = 'Try again. If it keeps happening, tell your HubSpot admin what you were doing.';

type Details = Record<string, unknown>;
const asDetails = (details: unknown): Details =>
  typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Details) : {};

/** The machine-readable reason a function gives in `details.reason` (docs/functions.md). */
export const reasonOf = (error: AppError): string | null => {
  const reason = asDetails(error.details).reason;
  return typeof reason === 'string' ? reason : null;
};

/** Parameter paths as the form fields people know them by. */
const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  goalType: 'Goal type',
  milestone: 'Period length',
  startDate: 'First period',
  periodCount: 'Number of periods',
  timeZone: 'Time zone',
  assignees: 'Assignees',
  spread: 'Amounts',
  'spread.total': 'Total',
  'spread.weights': 'Weights',
  'spread.amounts': 'Amounts',
  pipelineIds: 'Pipelines',
  targetAmount: 'Target',
  kpiValue: 'Progress',
  scale: 'Scale amounts by',
  shiftYears: 'Years later',
  'respread.from': 'From period',
  'respread.spread.total': 'Total',
  'respread.spread.weights': 'Weights',
  settings: 'Settings',
};

function fieldWord(path: string): string {
  const parts = path.split('.');
  // "changes.name" is the name; "respread.spread.total" the total: try the path, then shorter tails.
  for (let i = 0; i < parts.length; i++) {
    const word = FIELD_WORDS[parts.slice(i).join('.')];
    if (word) return word;
  }
  return FIELD_WORDS[parts[0] ?? ''] ?? 'A value';
}

/** Validation details are zod issues `{ path, message }`; each is shown against the field's name. */
function validationSpecifics(details: unknown): string[] {
  const d = asDetails(details);
  const issues = Array.isArray(details) ? details : Array.isArray(d.issues) ? d.issues : null;
  if (!issues) return [];
  return issues.flatMap((issue: unknown) => {
    const i = asDetails(issue);
    if (typeof i.message !== 'string') return [];
    const path = Array.isArray(i.path) ? i.path.filter((p) => typeof p === 'string').join('.') : '';
    return [`${fieldWord(path)}: ${i.message}`];
  });
}

/** NEEDS_ATTENTION and rollbacks carry `details.slices`: each target's state after the attempt. */
function targetStateSpecifics(details: unknown): string[] {
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
    failed: 'could not be changed',
    unknown: 'in an unknown state',
    unchanged: 'unchanged',
  };
  return [...counts.entries()].map(
    ([state, n]) => `${n} target${n === 1 ? '' : 's'} ${words[state] ?? 'in an unknown state'}`,
  );
}

type Explained = Omit<ErrorExplanation, 'specifics' | 'variant'> & Partial<ErrorExplanation>;

/** Validation refusals the functions name with a reason: each has its own words. */
const REASONS: Record<string, Explained> = {
  STALE_FINDING: {
    title: 'This problem has changed since the health check',
    what: 'The goal was changed after the health check ran, so this repair no longer fits it. Nothing was changed.',
    next: 'Run the health check again and repair what it finds now.',
  },
  FINDING_GONE: {
    title: 'This problem is no longer there',
    what: 'The goal no longer has this problem: someone may have repaired or changed it since the health check. Nothing was changed.',
    next: 'Run the health check again to see what is left.',
  },
  WRONG_FAMILY: {
    title: 'This problem has changed since the health check',
    what: 'The problem now belongs to another goal. Nothing was changed.',
    next: 'Run the health check again and repair what it finds now.',
  },
  NO_REPAIR: {
    title: 'This problem has no automatic repair',
    what: 'The app cannot tell which value is right, so it changes nothing on its own.',
    next: 'Open the goal, check its targets, and correct them in HubSpot or archive the wrong ones.',
  },
  FAMILY_TOO_LARGE: {
    title: 'This goal is too large to change in one go',
    what: 'Changing every target of a goal this size could not be finished and checked safely in one step. Nothing was changed.',
    next: 'Change it period by period, or split it into smaller goals (for example one per team or per year).',
  },
  NOTHING_TO_CHANGE: {
    title: 'There is nothing to change',
    what: 'The values you chose are the ones the goal already has.',
    next: 'Change a value first.',
  },
  NOTHING_TO_UNDO: {
    title: 'There is nothing to undo',
    what: 'That change did not change any target.',
    next: 'Pick another change in the activity list.',
  },
  NOT_UNDOABLE: {
    title: 'This change cannot be undone here',
    what: 'Only changes to an existing goal can be undone; creating, copying or archiving a goal cannot.',
    next: 'Archive a goal you created by mistake, or restore archived targets in HubSpot within 90 days.',
  },
  NO_PERIODS_LEFT: {
    title: 'No period starts on or after that date',
    what: 'There is nothing left to spread the amount over. Nothing was changed.',
    next: 'Choose an earlier period.',
  },
  AMOUNT_TOO_LARGE: {
    title: 'An amount would be too large',
    what: 'Scaling would make at least one target larger than HubSpot can store. Nothing was changed.',
    next: 'Use a smaller factor.',
  },
  NOBODY_COULD_EDIT: {
    title: 'Nobody could change goals with these settings',
    what: 'Super admins are off and no user or team is chosen as an editor. Nothing was saved.',
    next: 'Keep super admins as editors, or choose at least one user or team.',
  },
  UNTRUSTED_ENTRY: {
    title: 'This change cannot be undone',
    what: 'Its record in the activity was not written by this app as it is now (it was changed or is not signed), so the app will not use it to change goals. Nothing was changed.',
    next: 'Change the goal back by hand, or restore its targets in HubSpot.',
  },
};

function notFound(error: AppError): Explained & { variant: 'warning' } {
  const d = asDetails(error.details);
  const reason = reasonOf(error);
  if (reason === 'FINDING_GONE' || typeof d.findingId === 'string')
    return { ...(REASONS.FINDING_GONE as Explained), variant: 'warning' };
  if (reason === 'ENTRY_GONE' || typeof d.entryId === 'string') {
    return {
      variant: 'warning',
      title: 'That change is no longer in the activity',
      what: 'It may have been removed from the app’s records. Nothing was changed.',
      next: 'Refresh the activity list.',
    };
  }
  if (reason === 'TARGET_GONE' || reason === 'NOT_FOUND' || typeof d.targetId === 'string') {
    return {
      variant: 'warning',
      title: 'That period’s target no longer exists',
      what: 'It was archived or moved out of this goal since you opened it. Nothing was changed.',
      next: 'Refresh to see the goal as it is now.',
    };
  }
  return {
    variant: 'warning',
    title: 'This goal no longer exists',
    what: 'It was archived or deleted in HubSpot since you opened it. Nothing was changed.',
    next: 'Refresh to see the current goals.',
  };
}

export function explainError(error: AppError): ErrorExplanation {
  const base = { specifics: [] as string[], variant: 'error' as const };
  const reason = reasonOf(error);
  switch (error.code) {
    case 'CONFLICT':
      if (reason === 'UNDONE_ALREADY')
        return {
          ...base,
          variant: 'warning',
          title: 'This change was undone already',
          what: 'Someone undid it before you. Nothing was changed.',
          next: 'Refresh the activity list.',
        };
      if (reason === 'NOT_LAST_CHANGE')
        return {
          ...base,
          variant: 'warning',
          title: 'Only the last change of a goal can be undone',
          what: 'The goal was changed again after this change. Nothing was changed.',
          next: 'Undo the later change first, or change the goal back by hand.',
        };
      if (reason === 'IMPORT_DIFFERS')
        return {
          ...base,
          variant: 'warning',
          title: 'The goal changed while the file was being applied',
          what: 'What HubSpot would change no longer matches the file, so this assignee’s targets were left as they are.',
          next: 'Export the goal again, make your changes in the new file and import it.',
        };
      if (reason === 'SETTINGS_CHANGED')
        return {
          ...base,
          variant: 'warning',
          title: 'Someone else saved the settings',
          what: 'The settings changed after you opened them, so yours were not saved.',
          next: 'Reload the page, make your change again and save.',
        };
      return {
        ...base,
        variant: 'warning',
        title: 'Someone else changed this goal',
        what: 'The goal changed after you opened the preview, so nothing was saved.',
        next: 'Preview again, check the new preview, and apply it if it is still what you want.',
      };
    case 'FORBIDDEN':
      if (reason === 'EDITORS_SUPER_ADMIN_ONLY')
        return {
          ...base,
          title: 'Only a super admin can change who may edit goals',
          what: 'You may change the other settings, but not the editors. Nothing was saved.',
          next: 'Put the editors back as they were and save, or ask a super admin to change them.',
        };
      return {
        ...base,
        title: 'You cannot change goals here',
        what: 'Your HubSpot user is not one of the editors chosen in the app settings. Nothing was saved.',
        next: 'Ask a super admin to add you (or one of your teams) as an editor in the app settings.',
      };
    case 'VALIDATION_ERROR': {
      const known = reason ? REASONS[reason] : undefined;
      if (known) return { ...base, variant: 'warning', ...known };
      return {
        ...base,
        variant: 'warning',
        title: 'Some values were not accepted',
        what: 'Nothing was saved.',
        next: 'Correct the values and try again.',
        specifics: validationSpecifics(error.details).slice(0, MAX_SPECIFICS),
      };
    }
    case 'NOT_FOUND':
      return { ...base, ...notFound(error) };
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
        next: 'Open the goal in the app settings and apply the same change again, or run the health check on it and repair it.',
        specifics: targetStateSpecifics(error.details),
      };
    case 'HUBSPOT_ERROR':
      if (reason === 'OWNER_UNREADABLE')
        return {
          ...base,
          variant: 'warning',
          title: 'The record’s owner could not be read',
          what: 'HubSpot did not say who owns this record, so the card cannot tell whose goals to show.',
          next: 'Reload the record, or switch to “My goals” or one of your teams above.',
        };
      return {
        ...base,
        title: 'HubSpot could not do this right now',
        what: 'HubSpot answered with an error, so nothing was changed.',
        next: RETRY,
      };
    default:
      return {
        ...base,
        title: 'Something went wrong',
        what: 'The app could not finish this, and nothing was changed.',
        next: RETRY,
      };
  }
}
