import type { FamilyDto } from '@goal-families/contract';
import { type GoalContext, useFormat, useNames } from '@goal-families/ui';
import type { CsvWords } from '../../utils/scheduleCsv';

/** The CSV's words: assignees and periods as the screen names them, amounts in the viewer's locale. */
export function useCsvWords(family: FamilyDto, goal: GoalContext): CsvWords {
  const format = useFormat();
  const names = useNames();
  return {
    assignee: (group) => names.assignee(group.assignee),
    period: (start) => format.period({ start }, family.milestone, goal.timeZone),
    parseAmount: (text) => format.parseAmount(text),
    amount: (value) => format.amount(value, goal),
  };
}
