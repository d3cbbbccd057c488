/**
 * Health check problems in the app's words, one wording per rule, from the facts the server sends
 * (names, periods, amounts): what is wrong, what the repair does, and — when there is no automatic
 * repair — what the admin should do instead.
 */
import type { FindingDto, FindingFactsDto, GoalField } from '@goal-families/contract';
import type { Format } from './format';
import type { Names } from './names';
import { listOf } from './words';

export interface FindingText {
  /** What is wrong. */
  message: string;
  /** What the automatic repair does; null when there is none. */
  repair: string | null;
  /** What to do by hand when there is no automatic repair. */
  todo: string | null;
  /** Up to five of the targets concerned: "Hannah Larsen · Jan 2026". */
  targets: string[];
}

const FIELD_WORDS: Record<GoalField, string> = {
  name: 'name',
  goalType: 'goal type',
  milestone: 'period length',
  pipelines: 'pipelines',
  other: 'value',
};

const SHOWN_TARGETS = 5;

/** The verb agreeing with a count: verb(1, 'has', 'have') → 'has'. */
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Every rule this file words (a test keeps it in step with the domain's rule catalog). */
export const WORDED_RULES = [
  'family-properties-disagree',
  'group-id-split',
  'group-id-shared',
  'orphan-no-group-id',
  'assignee-both',
  'assignee-missing',
  'milestone-unknown',
  'periods-unreadable',
  'periods-overlap',
  'periods-misaligned',
  'periods-missing',
  'slice-count-mismatch',
  'amount-invalid',
  'amount-negative',
  'orphan-no-uuid',
] as const;

export function findingText(finding: FindingDto, format: Format, names: Names): FindingText {
  const f = finding.facts;
  if (!f) {
    // Only a server older than this UI sends no facts: say little rather than show its ids.
    return {
      message: `${format.count(finding.sliceIds.length, 'target')} of this goal ${verb(finding.sliceIds.length, 'needs', 'need')} attention.`,
      repair: finding.repair === null ? null : 'Repair them automatically.',
      todo: finding.repair === null ? 'Open the goal and check its targets.' : null,
      targets: [],
    };
  }
  const who = names.assignee(f.assignee);
  const whose = f.assignee ? `${who}’s` : 'these';
  const targets = (n: number) => format.count(n, 'target');
  const milestone = f.milestone ? format.milestone(f.milestone).toLowerCase() : 'goal';
  const field = FIELD_WORDS[f.field ?? 'other'];
  const value = valueWords(f, format);
  const repairCount = f.repair?.count ?? 0;
  const periodOf = (t: FindingFactsDto['targets'][number]) =>
    f.milestone ? format.period(t, f.milestone, f.timeZone) : 'no period';
  // When every target is the problem's own assignee's, the periods say it all.
  const sameAssignee =
    f.assignee !== null &&
    f.targets.every((t) => t.assignee?.kind === f.assignee?.kind && t.assignee?.id === f.assignee?.id);
  const listed = f.targets
    .slice(0, SHOWN_TARGETS)
    .map((t) => (sameAssignee ? periodOf(t) : `${names.assignee(t.assignee)} · ${periodOf(t)}`));
  const text = (message: string, repair: string | null, todo: string | null): FindingText => ({
    message,
    repair: f.repair ? repair : null,
    todo: f.repair ? null : todo,
    targets: listed,
  });
  const ofWho = f.assignee ? ` of ${who}` : '';
  const n = f.targetCount;

  switch (finding.ruleId) {
    case 'family-properties-disagree':
      return text(
        `The ${field} ${f.field === 'pipelines' ? 'differ' : 'differs'} on ${targets(n)} of ${format.integer(f.goalTargetCount)}; most targets have ${value}. HubSpot may show this goal twice or not at all.`,
        `Set the ${field} to ${value} on ${targets(repairCount)}.`,
        `Decide which ${field} ${f.field === 'pipelines' ? 'are' : 'is'} right and set ${f.field === 'pipelines' ? 'them' : 'it'} on every target of the goal (Edit goal, or in HubSpot).`,
      );
    case 'group-id-split':
      return text(
        `${who}’s targets are split into ${format.integer(f.parts ?? 2)} separate sets; HubSpot shows each set as a separate goal.`,
        `Join ${targets(repairCount)} to the rest of ${who}’s targets.`,
        `Archive the extra targets of ${who}, then add the missing periods.`,
      );
    case 'group-id-shared':
      return text(
        `${who}’s targets include ${targets(f.targetCount)} of ${listOf(f.others.map((o) => names.assignee(o)))}, so HubSpot counts them for ${who}.`,
        null,
        `Check who each of these targets is for, then set its owner or team in HubSpot, or archive the wrong ones.`,
      );
    case 'orphan-no-group-id':
      return text(
        `${targets(n)}${ofWho} ${verb(n, 'is', 'are')} not linked to the goal’s other targets, so HubSpot cannot place ${verb(n, 'it', 'them')} in this goal.`,
        `Link ${targets(repairCount)} with the rest of ${who}’s targets.`,
        `No other targets of ${who} exist to link them to: archive them, or create the goal for ${who} again.`,
      );
    case 'assignee-both':
      return text(
        `${targets(n)}${ofWho} ${verb(n, 'names', 'name')} both a person and a team; a goal is for one or the other.`,
        `Clear the ${f.repair?.field === 'team' ? 'team' : 'person'} on ${targets(repairCount)}, like ${whose} other targets.`,
        'Decide whether these targets are for the person or the team, and clear the other one in HubSpot.',
      );
    case 'assignee-missing':
      return text(
        `${targets(n)} ${verb(n, 'has', 'have')} neither a person nor a team, so nobody’s goal includes ${verb(n, 'it', 'them')}.`,
        `Assign ${targets(repairCount)} to ${names.assignee(f.repair?.assignee)}, like the rest of their set.`,
        'Set a person or a team on each of them in HubSpot, or archive them.',
      );
    case 'milestone-unknown':
      return text(
        `The period length ${value} is not one this app knows, so the goal’s periods were not checked.`,
        null,
        'Check the goal’s period length in HubSpot’s goal settings.',
      );
    case 'periods-unreadable':
      return text(
        `${targets(n)}${ofWho} ${verb(n, 'has', 'have')} no usable period: the start or end is missing, not a date, or not after the start.`,
        null,
        'Set the start and end of each in HubSpot, or archive them.',
      );
    case 'periods-overlap':
      return text(
        `${targets(n)}${ofWho} overlap in time${repairCount > 0 ? `; ${targets(repairCount)} ${verb(repairCount, 'repeats', 'repeat')} another target’s period exactly` : ''}.`,
        `Archive the ${targets(repairCount)} that repeat a period${f.amount ? ` (${whose} total drops by ${format.amount(f.amount, finding)})` : ''}.`,
        'Open the goal, find the periods that overlap, and archive the wrong targets.',
      );
    case 'periods-misaligned':
      if (f.wholesale)
        return text(
          `No target of this goal starts where a ${milestone} period starts in the time zone ${f.timeZone}: the goal probably uses another time zone.`,
          null,
          'Set the portal’s time zone in the Settings tab, then run the health check again.',
        );
      return text(
        `${targets(n)}${ofWho} ${verb(n, 'starts or ends', 'start or end')} between ${milestone} periods.`,
        `Move ${targets(repairCount)} to the nearest whole periods.`,
        'Set the start and end of each to whole periods in HubSpot.',
      );
    case 'periods-missing': {
      const labels = f.periods.map((p) => (f.milestone ? format.period(p, f.milestone, f.timeZone) : ''));
      const shown =
        labels.length <= 4 ? listOf(labels, 4) : `${labels[0]} and ${format.integer(labels.length - 1)} more`;
      return text(
        `${who} has no target for ${format.count(f.periods.length, `${milestone} period`)} the rest of the goal covers (${shown}).`,
        `Create ${targets(f.periods.length)} of 0 for ${who}, one per missing period.`,
        `Create the missing targets for ${who} in HubSpot.`,
      );
    }
    case 'slice-count-mismatch':
      return text(
        `${who} has ${targets(f.targetCount)} of a ${milestone} goal; HubSpot expects ${f.expectedPerYear ?? 'whole years of periods'}${f.expectedPerYear ? ' per year' : ''}.`,
        null,
        `Give ${who} whole years of periods: add the missing periods (the health check offers to) or archive extra targets in the goal’s detail.`,
      );
    case 'amount-invalid':
      return text(
        `${targets(n)} ${verb(n, 'has', 'have')} a target or progress that is missing or not a number; totals and progress leave ${verb(n, 'it', 'them')} out.`,
        null,
        'Enter the amount of each: in the card or the goal’s detail, period by period, or in HubSpot.',
      );
    case 'amount-negative':
      return text(
        `${targets(n)} ${verb(n, 'has', 'have')} a negative target.`,
        null,
        'Change each to 0 or more, period by period, in the card or the goal’s detail.',
      );
    case 'orphan-no-uuid':
      return text(
        `A target${listed[0] ? ` (${listed[0]})` : ''} belongs to no goal.`,
        `Put it back into “${f.repair?.goalName ?? 'its goal'}”.`,
        'Archive it in HubSpot, or add it to a goal there.',
      );
    default:
      return text(
        `${targets(n)}${ofWho} ${verb(n, 'needs', 'need')} attention.`,
        `Repair ${targets(repairCount)}.`,
        'Open the goal and check its targets.',
      );
  }
}

function valueWords(f: FindingFactsDto, format: Format): string {
  if (f.value === null || f.value === '') return 'no value';
  switch (f.field) {
    case 'goalType':
      return format.goalType(f.value);
    case 'milestone':
      return `“${format.milestone(f.value)}”`;
    case 'pipelines':
      return format.pipelineNames(f.value.split(';').filter((v) => v !== ''));
    default:
      return `“${f.value}”`;
  }
}
