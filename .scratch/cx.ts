import {
  auditFamilies,
  detectConvention,
  groupFamilies,
  parseTarget,
} from '../src/app/packages/domain/index';
import { rawSchedule } from '../src/app/packages/domain/testing/index';

for (const [m, tz, count, start] of [
  ['quarterly', 'Pacific/Midway', 4, '2024-01-01'],
  ['annual', 'Pacific/Kiritimati', 1, '2027-01-01'],
] as const) {
  const raws = rawSchedule({ milestone: m, startDate: start, count, timeZone: tz, endStyle: 'inclusive' });
  const fams = groupFamilies(raws.map(parseTarget)).families;
  console.log(
    m,
    tz,
    raws.map((r) => r.properties.hs_start_datetime),
    detectConvention(fams[0]!.slices, 'UTC'),
  );
  console.log(auditFamilies(fams, { timeZone: 'Africa/Abidjan' }).map((f) => f.message));
}
