import { GoalName } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { validateGoalName } from './goalName';

describe('validateGoalName', () => {
  it.each([
    ['FY26 New business', null],
    ['', 'Enter a name.'],
    ['   ', 'Enter a name.'],
    ['a'.repeat(201), 'Use at most 200 characters.'],
    ['line\nbreak', 'Remove line breaks and other control characters.'],
  ])('%j → %s', (name, problem) => {
    expect(validateGoalName(name)).toBe(problem);
    // Agrees with the contract's schema on the trimmed name it sends.
    expect(GoalName.safeParse(name.trim()).success).toBe(problem === null);
  });
  it('refuses the current name', () => {
    expect(validateGoalName(' Same ', 'Same')).toBe('That is the current name.');
  });
});
