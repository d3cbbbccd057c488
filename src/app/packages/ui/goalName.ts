/** Mirrors the contract's GoalName rule (≤200 characters, not blank, no control characters). */
export function validateGoalName(name: string, current?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name.';
  if (trimmed.length > 200) return 'Use at most 200 characters.';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'Remove line breaks and other control characters.';
  if (current !== undefined && trimmed === current) return 'That is the current name.';
  return null;
}
