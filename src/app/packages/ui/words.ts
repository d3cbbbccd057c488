/**
 * Counted nouns and lists in the app's words (docs/ui-words.md): "1 target", "72 targets",
 * "6 people"; never "target(s)". Numbers go through the viewer's locale.
 */

const IRREGULAR: Record<string, string> = { person: 'people', goal: 'goals' };

/** "1 target" / "1,200 targets"; `plural` for nouns that do not just take an "s". */
export function counted(n: number, noun: string, locale = 'en-US', plural?: string): string {
  const word = n === 1 ? noun : (plural ?? IRREGULAR[noun] ?? `${noun}s`);
  return `${new Intl.NumberFormat(locale).format(n)} ${word}`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cleo", "Ana, Ben and 3 others". */
export function listOf(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0] as string;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - (max - 1);
  return `${names.slice(0, max - 1).join(', ')} and ${rest} others`;
}
