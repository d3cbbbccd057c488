/** Pickers' choices that come from the runtime: IANA time zones (and currencies when the portal's are unknown). */
import type { Option } from './format';

/** Every IANA zone the runtime knows, labelled with its current UTC offset: "Europe/Berlin (UTC+01:00)". */
export function timeZoneOptions(now: Date, current?: string): Option[] {
  const zones: string[] =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = [...new Set([...(current ? [current] : []), 'UTC', ...zones])];
  return all.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${offsetOf(zone, now)})` }));
}

/** "UTC+05:30" for a zone at an instant. */
export function offsetOf(zone: string, at: Date): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return !name || name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
  } catch {
    return 'UTC+00:00';
  }
}

/** Currencies with their names in the viewer's language: "EUR — Euro". */
export function currencyOptions(codes: readonly string[], locale: string): Option[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return [...new Set(codes)].map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}
