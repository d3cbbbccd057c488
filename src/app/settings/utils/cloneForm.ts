/** The copy's default name: the start year in the name moved forward, else "(copy)". */
export function copyName(name: string, startYear: number | null, shiftYears: number): string {
  if (startYear !== null && name.includes(String(startYear))) {
    return name.split(String(startYear)).join(String(startYear + shiftYears));
  }
  return `${name} (copy)`;
}

/** Mirrors the contract's `scale`: up to 4 digits, up to 4 decimals, as text (never a float). */
export function validateScale(scale: string): string | null {
  const text = scale.trim();
  if (!/^\d{1,4}(\.\d{1,4})?$/.test(text)) return 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).';
  if (/^0+(\.0+)?$/.test(text)) return 'A factor of zero would empty every target.';
  return null;
}
