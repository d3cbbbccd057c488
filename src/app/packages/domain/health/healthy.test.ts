import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { MILESTONES } from '../milestones';
import { parseTarget } from '../target';
import { rawSchedule } from '../testing/fixtures';
import { auditFamilies } from './audit';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];

describe('schedules the app builds are healthy', () => {
  it('any milestone, start, zone and end style audits clean with that zone as candidate (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MILESTONES),
        fc.date({
          min: new Date(Date.UTC(2000, 0, 1)),
          max: new Date(Date.UTC(2045, 11, 31)),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        fc.constantFrom('inclusive' as const, 'exclusive' as const),
        fc.integer({ min: 1, max: 2 }),
        (milestone, date, timeZone, endStyle, years) => {
          const perYear = { weekly: 52, monthly: 12, quarterly: 4, annual: 1 }[milestone];
          const raws = [
            ...rawSchedule({
              milestone,
              startDate: date.toISOString().slice(0, 10),
              timeZone,
              endStyle,
              count: perYear * years,
            }),
            ...rawSchedule({
              milestone,
              startDate: date.toISOString().slice(0, 10),
              timeZone,
              endStyle,
              count: perYear * years,
              groupId: '5002',
              assignee: 'team:9',
              firstId: 20000,
            }),
          ];
          const { families, orphans } = groupFamilies(raws.map(parseTarget));
          expect(auditFamilies(families, { timeZone }, orphans)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
