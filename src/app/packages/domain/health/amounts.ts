/** Amounts must be numbers, and targets not negative. */
import { PROP } from '../properties';
import { have, slices } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

export const amountInvalid: HealthRule = {
  id: 'amount-invalid',
  severity: 'error',
  title: 'Target amount missing or not a number (or a KPI value that is not a number)',
  check(family) {
    const bad = family.slices.filter(
      (t) =>
        t.targetCents === null ||
        t.problems.some((p) => p.property === PROP.kpiValue && p.code === 'invalid'),
    );
    if (bad.length === 0) return [];
    return [
      makeFinding(
        amountInvalid,
        family.uuid,
        'all',
        `${slices(bad.length)} ${have(bad.length)} a target amount or KPI value that is missing or not a number; totals and progress leave them out. Enter the amount in each.`,
        bad.map((t) => t.id),
        null,
      ),
    ];
  },
};

export const amountNegative: HealthRule = {
  id: 'amount-negative',
  severity: 'warning',
  title: 'Negative target amount',
  check(family): Finding[] {
    const bad = family.slices.filter((t) => t.targetCents !== null && t.targetCents < 0n);
    if (bad.length === 0) return [];
    return [
      makeFinding(
        amountNegative,
        family.uuid,
        'all',
        `${slices(bad.length)} ${have(bad.length)} a negative target amount.`,
        bad.map((t) => t.id),
        null,
      ),
    ];
  },
};
