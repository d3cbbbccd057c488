/** Option lists of goal_targets' enumeration properties: what the app reads and what the emulator offers. */
import { asMilestone, MILESTONES, PROP } from '@goal-families/domain';
import { GOAL_TYPE_OPTIONS, MILESTONE_OPTIONS } from '@goal-families/emulator';
import { type Check, confirmed, differs, type ProbeContext } from '../check';

const optionsOf = (ctx: ProbeContext, name: string): string[] =>
  (ctx.facts.properties.find((p) => p.name === name)?.options ?? []).map((o: { value: string }) => o.value);

function sameSet(portal: readonly string[], emulator: readonly string[]): string | null {
  const missing = emulator.filter((v) => !portal.includes(v));
  const extra = portal.filter((v) => !emulator.includes(v));
  if (missing.length === 0 && extra.length === 0) return null;
  return `options ${JSON.stringify(portal)} (the emulator ${missing.length ? `offers ${missing.join(', ')} in addition` : ''}${missing.length && extra.length ? ' and ' : ''}${extra.length ? `lacks ${extra.join(', ')}` : ''})`;
}

export const OPTION_CHECKS: Check[] = [
  {
    id: 'milestone-options',
    assumption:
      'every hs_milestone option is a value the app reads as a period kind, and every period kind has an option',
    where: 'MILESTONE_VALUES in src/app/packages/domain/milestones.ts',
    async run(ctx) {
      const options = optionsOf(ctx, PROP.milestone);
      const unknown = options.filter((o) => asMilestone(o) === null);
      const uncovered = MILESTONES.filter((kind) => !options.some((o) => asMilestone(o) === kind));
      if (unknown.length === 0 && uncovered.length === 0) return confirmed(`options ${options.join(', ')}`);
      return differs(
        `options ${JSON.stringify(options)}${unknown.length ? `; not read as a period kind: ${unknown.join(', ')}` : ''}${uncovered.length ? `; no option for ${uncovered.join(', ')}` : ''}`,
      );
    },
  },
  {
    id: 'goal-type-options',
    assumption: 'hs_goal_type offers sales_quota (the documented goal type)',
    where: 'FALLBACK_GOAL_TYPES in src/app/settings/hooks/useGoalOptions.ts',
    async run(ctx) {
      const options = optionsOf(ctx, PROP.goalType);
      return options.includes('sales_quota')
        ? confirmed(`${options.length} goal types`)
        : differs(`options ${JSON.stringify(options)}`);
    },
  },
  {
    id: 'emulator-option-lists',
    assumption: "the emulator's hs_milestone and hs_goal_type options are the portal's",
    where: 'MILESTONE_OPTIONS and GOAL_TYPE_OPTIONS in emulator/crm/builtin-properties.ts',
    async run(ctx) {
      const milestones = sameSet(optionsOf(ctx, PROP.milestone), MILESTONE_OPTIONS);
      const goalTypes = sameSet(
        optionsOf(ctx, PROP.goalType),
        GOAL_TYPE_OPTIONS.map((o) => (typeof o === 'string' ? o : o.value)),
      );
      if (milestones === null && goalTypes === null) return confirmed('same option lists');
      return differs(
        [milestones && `hs_milestone: ${milestones}`, goalTypes && `hs_goal_type: ${goalTypes}`]
          .filter(Boolean)
          .join('; '),
      );
    },
  },
];
