import {
  auditFamilies,
  detectConvention,
  groupFamilies,
  parseTarget,
} from '../src/app/packages/domain/index';
import { rawSchedule } from '../src/app/packages/domain/testing/index';

const raws = rawSchedule({
  milestone: 'quarterly',
  startDate: '2030-12-01',
  count: 8,
  timeZone: 'Africa/El_Aaiun',
  endStyle: 'inclusive',
});
const fams = groupFamilies(raws.map(parseTarget)).families;
console.log(
  raws.map((r) => r.properties.hs_start_datetime),
  detectConvention(fams[0]!.slices, 'Africa/Abidjan', 'quarterly'),
);
console.log(auditFamilies(fams, { timeZone: 'Africa/Abidjan' }).map((f) => f.message));
