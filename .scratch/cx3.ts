import {
  auditFamilies,
  detectConvention,
  groupFamilies,
  parseTarget,
  planClone,
} from '../src/app/packages/domain/index';
import { applyPlan, counter, rawSchedule, UUID_B } from '../src/app/packages/domain/testing/index';

for (const shift of [1, 2, 3]) {
  const raws = rawSchedule({
    milestone: 'annual',
    startDate: '2026-01-01',
    count: 1,
    timeZone: 'Africa/Casablanca',
    endStyle: 'inclusive',
  });
  const fam = groupFamilies(raws.map(parseTarget)).families[0]!;
  const plan = planClone(fam, { newUuid: UUID_B, shiftYears: shift, scale: '1' }, counter(1));
  if (!plan.ok) throw new Error();
  const copy = applyPlan([], plan.value, counter(1));
  const cf = groupFamilies(copy.map(parseTarget)).families[0]!;
  console.log(
    shift,
    raws.map((r) => [r.properties.hs_start_datetime, r.properties.hs_end_datetime]),
    detectConvention(fam.slices, 'Africa/Casablanca', 'annual'),
    copy.map((r) => [r.properties.hs_start_datetime, r.properties.hs_end_datetime]),
    detectConvention(cf.slices, 'Africa/Casablanca', 'annual'),
    auditFamilies([cf]).length,
  );
}
