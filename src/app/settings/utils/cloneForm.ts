import { separatorsOf } from '@goal-families/ui';

/** The copy's default name: the start year in the name moved forward, else "(copy)". */
export function copyName(name: string, startYear: number | null, shiftYears: number): string {
  if (startYear !== null && name.includes(String(startYear))) {
    return name.split(String(startYear)).join(String(startYear + shiftYears));
  }
  return `${name} (copy)`;
}

/** How far a copy may move: whole years, as the function allows. */
export const MAX_SHIFT_YEARS = 10;
/** The factors a copy may scale amounts by; beyond them a copy is not the tool (set new totals after). */
export const MIN_SCALE = '0.01';
export const MAX_SCALE = '10';

export function validateYears(years: number): string | null {
  if (!Number.isInteger(years)) return 'Use a whole number of years.';
  if (years < 1 || years > MAX_SHIFT_YEARS) return `Copy 1 to ${MAX_SHIFT_YEARS} years later.`;
  return null;
}

export type ScaleInput = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads the scale factor as typed in the viewer's locale ("1.1" or "1,1") into the contract's form
 * ("1.1", up to 4 decimals, never a float), bounded to [0.01, 10] with a message.
 */
export function parseScale(text: string, locale = 'en-US'): ScaleInput {
  const { decimal } = separatorsOf(locale);
  const typed = text.trim().replace(/%$/, '').trim();
  const normal = decimal === '.' ? typed : typed.replace(decimal, '.');
  const example = decimal === '.' ? '1, 1.1 or 0.95' : `1, 1${decimal}1 or 0${decimal}95`;
  if (!/^\d{1,4}(\.\d{1,4})?$/.test(normal))
    return { ok: false, message: `Use a factor such as ${example} (up to 4 decimals).` };
  // Compare as ten-thousandths: exact, no float.
  const units = (s: string) => {
    const [whole = '0', fraction = ''] = s.split('.');
    return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  };
  if (units(normal) === 0n) return { ok: false, message: 'A factor of zero would empty every target.' };
  if (units(normal) < units(MIN_SCALE) || units(normal) > units(MAX_SCALE)) {
    return {
      ok: false,
      message: `Scale by a factor from ${MIN_SCALE.replace('.', decimal)} to ${MAX_SCALE}; for bigger changes, copy first and then set new totals.`,
    };
  }
  return { ok: true, value: normal.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') };
}
