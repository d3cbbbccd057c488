import { startOfLocalDate, toLocalDate } from '../src/app/packages/domain/calendar';

const z = 'America/Havana';
for (const d of [
  { year: 2026, month: 11, day: 1 },
  { year: 2026, month: 3, day: 8 },
  { year: 2026, month: 3, day: 1 },
  { year: 2026, month: 4, day: 1 },
]) {
  const ms = startOfLocalDate(d, z);
  console.log(
    d,
    new Date(ms).toISOString(),
    JSON.stringify(toLocalDate(ms, z)),
    JSON.stringify(toLocalDate(ms - 1, z)),
  );
}
const t0 = performance.now();
let n = 0;
for (const zone of Intl.supportedValuesOf('timeZone')) {
  startOfLocalDate({ year: 2026, month: 5, day: 1 }, zone);
  n++;
}
console.log(n, 'zones', (performance.now() - t0).toFixed(1), 'ms');
