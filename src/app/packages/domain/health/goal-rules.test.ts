/**
 * HubSpot's goal rules as properties over milestones × counts × end conventions × zones: what the app
 * creates, copies and repairs is healthy; what breaks the guide's must rules needs repair; every
 * change keeps a family's own convention; the default zone never changes how an existing family reads.
 */
// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocalMidnight } from '../calendar';
import { detectConvention } from '../convention';
import { groupFamilies } from '../grouping';
import { MILESTONES, type Milestone, milestoneValuesOf } from '../milestones';
import type { EndStyle } from '../periods';
import { planClone } from '../plans/clone';
import { planCreate } from '../plans/create';
import { planRepair } from '../plans/repair';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { rawSchedule, UUID_A, UUID_B } from '../testing/fixtures';
import { auditFamilies, needsRepair } from './audit';
import { isWholeYears } from './slice-count';

const ZONES = Intl.supportedValuesOf('timeZone');
const PER_YEAR: Record<Milestone, number> = { weekly: 52, monthly: 12, quarterly: 4, annual: 1 };

const milestone = fc.constantFrom(...MILESTONES);
const zone = fc.constantFrom(...ZONES);
const endStyle = fc.constantFrom<EndStyle>('inclusive', 'exclusive');
const year = fc.integer({ min: 2024, max: 2030 });
const month = fc.integer({ min: 1, max: 12 });
const years = fc.integer({ min: 1, max: 3 });
const startDate = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

const familiesOf = (raws: RawGoalTarget[]) => groupFamilies(raws.map(parseTarget)).families;
const findings = (raws: RawGoalTarget[], defaultZone: string) =>
  auditFamilies(familiesOf(raws), { timeZone: defaultZone });

/** Two assignees, one schedule each, in the given convention. */
function existingFamily(
  m: Milestone,
  start: string,
  count: number,
  timeZone: string,
  style: EndStyle,
  value?: string,
) {
  const common = {
    milestone: m,
    startDate: start,
    count,
    timeZone,
    endStyle: style,
    ...(value ? { milestoneValue: value } : {}),
  };
  return [
    ...rawSchedule(common),
    ...rawSchedule({ ...common, groupId: '5002', assignee: 'team:77', firstId: 20_000 }),
  ];
}

describe("HubSpot's goal rules, as properties", () => {
  it('existing whole-year families in either convention, any zone, any spelling of the milestone, read as healthy whatever the default zone', () => {
    fc.assert(
      fc.property(
        milestone,
        years,
        zone,
        endStyle,
        year,
        month,
        zone,
        fc.nat(),
        (m, y, tz, style, yy, mm, defaultZone, pick) => {
          const spellings = milestoneValuesOf(m);
          const value = spellings[pick % spellings.length];
          const raws = existingFamily(m, startDate(yy, mm), PER_YEAR[m] * y, tz, style, value);
          expect(findings(raws, defaultZone)).toEqual([]);
          const [family] = familiesOf(raws);
          expect(detectConvention(family!.slices, defaultZone).endStyle).toBe(style);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts that are not whole years need repair; whole years do not', () => {
    fc.assert(
      fc.property(milestone, fc.integer({ min: 1, max: 110 }), zone, endStyle, (m, count, tz, style) => {
        const raws = existingFamily(m, '2027-01-01', count, tz, style);
        expect(needsRepair(findings(raws, 'UTC'))).toBe(!isWholeYears(m, count));
      }),
      { numRuns: 150 },
    );
  });

  it('what create makes is healthy, in any zone, and uses the guide rule (last millisecond)', () => {
    fc.assert(
      fc.property(milestone, years, zone, year, month, zone, (m, y, tz, yy, mm, defaultZone) => {
        const plan = planCreate(
          {
            uuid: UUID_B,
            name: 'Goal',
            goalType: 'sales_quota',
            milestone: m,
            startDate: startDate(yy, mm),
            periodCount: PER_YEAR[m] * y,
            timeZone: tz,
            assignees: [
              { kind: 'owner', id: '1' },
              { kind: 'team', id: '2' },
            ],
            spread: { mode: 'even', totalCents: 1_000_000n },
          },
          counter(100),
        );
        if (!plan.ok) throw new Error(plan.error.message);
        expect(plan.value.creates.every((c) => c.endMs % 1000 === 999)).toBe(true);
        expect(findings(applyPlan([], plan.value, counter(1)), defaultZone)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a copy keeps the source convention and zone, and is healthy', () => {
    fc.assert(
      fc.property(
        milestone,
        years,
        zone,
        endStyle,
        year,
        fc.integer({ min: 1, max: 3 }),
        (m, y, tz, style, yy, shift) => {
          const source = existingFamily(m, startDate(yy, 1), PER_YEAR[m] * y, tz, style);
          const plan = planClone(
            familiesOf(source)[0]!,
            // The default zone reads the source: it breaks ties between zones that agree on the
            // source's dates but not later (Casablanca and Berlin agree on 1 January 2026 and 2027).
            { newUuid: UUID_B, shiftYears: shift, scale: '1', timeZone: tz },
            counter(100),
          );
          if (!plan.ok) throw new Error(plan.error.message);
          const copy = applyPlan([], plan.value, counter(1));
          expect(findings(copy, 'UTC')).toEqual([]);
          const before = detectConvention(familiesOf(source)[0]!.slices, tz);
          const slices = familiesOf(copy)[0]!.slices;
          expect(detectConvention(slices, before.timeZone).endStyle).toBe(before.endStyle);
          // The copy sits on the source zone's midnights. (It may read as another zone whose clocks
          // agree on the copy's dates: Casablanca keeps UTC's clocks through Ramadan, which in 2030
          // spans both 1 January and 31 December.)
          const ends = slices.map((x) => x.endMs! + (before.endStyle === 'inclusive' ? 1 : 0));
          for (const ms of [...slices.map((x) => x.startMs!), ...ends])
            expect(isLocalMidnight(ms, before.timeZone)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a repair keeps the family convention and leaves it healthy (a period gone, or a boundary moved)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Milestone>('weekly', 'monthly', 'quarterly'),
        zone,
        endStyle,
        fc.integer({ min: 1, max: 2 }),
        fc.boolean(),
        (m, tz, style, gone, misplace) => {
          const raws = existingFamily(m, '2027-01-01', PER_YEAR[m], tz, style);
          const broken = misplace
            ? raws.map((r, i) =>
                i === gone
                  ? {
                      ...r,
                      properties: {
                        ...r.properties,
                        hs_end_datetime: String(Date.parse(String(r.properties.hs_end_datetime)) - 3_600_000),
                      },
                    }
                  : r,
              )
            : raws.filter((_, i) => i !== gone);
          let current = broken;
          for (let round = 0; round < 3; round++) {
            const found = findings(current, 'UTC').filter((f) => f.repair !== null);
            if (found.length === 0) break;
            const family = familiesOf(current).find((f) => f.uuid === UUID_A)!;
            const plan = planRepair({ uuid: family.uuid, slices: family.slices }, found[0]!);
            if (!plan.ok) throw new Error(plan.error.message);
            current = applyPlan(current, plan.value, counter(90_000 + round * 100));
          }
          expect(findings(current, 'UTC')).toEqual([]);
          const after = detectConvention(familiesOf(current)[0]!.slices, 'UTC');
          expect(after.endStyle).toBe(style);
        },
      ),
      { numRuns: 100 },
    );
  });
});
