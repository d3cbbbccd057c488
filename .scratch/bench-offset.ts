import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);
const zone = 'Europe/Berlin';
let t0 = performance.now();
let s = 0;
for (let i = 0; i < 20000; i++)
  s += dayjs(1_700_000_000_000 + i * 900_000)
    .tz(zone)
    .utcOffset();
console.log('dayjs', (((performance.now() - t0) / 20000) * 1000).toFixed(1), 'us');
const dtf = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
t0 = performance.now();
for (let i = 0; i < 20000; i++) {
  const p = dtf.formatToParts(new Date(1_700_000_000_000 + i * 900_000));
  s += p.length;
}
console.log('intl parts', (((performance.now() - t0) / 20000) * 1000).toFixed(1), 'us');
