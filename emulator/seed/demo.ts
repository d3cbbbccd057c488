import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { uuidFor } from './deterministic.js';
import {
  type Assignee,
  type BuiltFamily,
  type FamilySpec,
  FamilyWriter,
  SEED_AS_OF,
} from './family-builder.js';
import {
  buildDealPipelines,
  buildOwners,
  buildTeams,
  buildUsers,
  DEMO_PEOPLE,
  managerIndexOf,
  nameOf,
  ownerIdOf,
  PIPELINE_IDS,
  repIndexesOf,
  TEAM_NAMES,
  teamIdOf,
  userIdOf,
} from './people.js';
import type { SeedData, SeedRecord } from './types.js';

dayjs.extend(utc);

export const DEMO_PORTAL_ID = 24_681_012;
export const DEMO_FISCAL_YEARS = [2026, 2027] as const;
const FIRST_TARGET_ID = 20_000_000_001;
const FIRST_GROUP_ID = 5_100_001;

/** The health problems seeded on purpose, one family each. */
export const BROKEN_PROBLEMS = [
  'mixedNames',
  'mixedPipelines',
  'missingMonth',
  'splitGroupId',
  'groupIdReused',
  'misalignedBoundary',
  'wrongSliceCount',
  'bothAssignees',
  'noAssignee',
  'negativeAmount',
  'nonNumericAmount',
  'orphanSlice',
  'overlappingPeriods',
] as const;
export type BrokenProblem = (typeof BROKEN_PROBLEMS)[number];

/** How each broken goal is called in the demo portal: what an admin would notice about it. */
const BROKEN_TITLES: Record<BrokenProblem, string> = {
  mixedNames: 'names differ',
  mixedPipelines: 'pipelines differ',
  missingMonth: 'a month is missing',
  splitGroupId: 'one person split in two',
  groupIdReused: 'two people in one set',
  misalignedBoundary: 'a month ends early',
  wrongSliceCount: 'too many quarters',
  bothAssignees: 'a person and a team at once',
  noAssignee: 'nobody assigned',
  negativeAmount: 'a negative target',
  nonNumericAmount: 'a target that is not a number',
  orphanSlice: 'a target outside the goal',
  overlappingPeriods: 'periods overlap',
};

const users = (indexes: number[]): Assignee[] => indexes.map((ownerIndex) => ({ kind: 'user', ownerIndex }));
const team = (teamIndex: number): Assignee[] => [{ kind: 'team', teamIndex }];
const money = (lowDollars: number, highDollars: number) =>
  ({ low: lowDollars * 100, high: highDollars * 100, unit: 'money' }) as const;
const count = (low: number, high: number) => ({ low, high, unit: 'count' }) as const;

function healthySpecs(year: number): Record<string, FamilySpec> {
  const specs: Record<string, FamilySpec> = {};
  const teams = Array.from({ length: DEMO_PEOPLE.teamCount }, (_, i) => i + 1);
  for (const t of teams) {
    const label = TEAM_NAMES[t - 1] ?? `Team ${t}`;
    const reps = repIndexesOf(DEMO_PEOPLE, t);
    const pipelineIds = t === 1 ? `${PIPELINE_IDS.sales};${PIPELINE_IDS.enterprise}` : PIPELINE_IDS.sales;
    specs[`revenue-${year}-team${t}`] = {
      key: `${year}/team${t}/revenue-monthly`,
      name: `FY${year} ${label} revenue`,
      year,
      milestone: 'monthly',
      goalType: 'sales_quota',
      pipelineIds,
      assignees: users(reps),
      amount: money(15_000, 60_000),
    };
    specs[`teamQuota-${year}-team${t}`] = {
      key: `${year}/team${t}/team-quota-quarterly`,
      name: `FY${year} ${label} team quota`,
      year,
      milestone: 'quarterly',
      goalType: 'sales_quota',
      pipelineIds,
      assignees: team(t),
      amount: money(400_000, 900_000),
    };
    specs[`meetings-${year}-team${t}`] = {
      key: `${year}/team${t}/meetings-monthly`,
      name: `FY${year} ${label} meetings booked`,
      year,
      milestone: 'monthly',
      goalType: 'meetings_booked',
      assignees: users(reps),
      amount: count(12, 30),
    };
    specs[`calls-${year}-team${t}`] = {
      key: `${year}/team${t}/calls-annual`,
      name: `FY${year} ${label} calls made`,
      year,
      milestone: 'annual',
      goalType: 'calls_made',
      assignees: team(t),
      amount: count(2_000, 5_000),
    };
    for (const rep of reps.slice(0, 2)) {
      specs[`stretch-${year}-owner${rep}`] = {
        key: `${year}/owner${rep}/stretch-quarterly`,
        // Named after the person, as people name goals (an id in a name reads as a leak).
        name: `FY${year} stretch: deals won (${nameOf(rep).firstName} ${nameOf(rep).lastName})`,
        year,
        milestone: 'quarterly',
        goalType: 'deals_won',
        pipelineIds: PIPELINE_IDS.sales,
        assignees: users([rep]),
        amount: count(4, 12),
      };
    }
  }
  specs[`managers-${year}`] = {
    key: `${year}/managers/bookings-annual`,
    name: `FY${year} manager bookings`,
    year,
    milestone: 'annual',
    goalType: 'sales_quota',
    pipelineIds: `${PIPELINE_IDS.sales};${PIPELINE_IDS.enterprise};${PIPELINE_IDS.renewals}`,
    assignees: users(teams.map(managerIndexOf)),
    amount: money(1_500_000, 3_000_000),
  };
  return specs;
}

function brokenSpec(problem: BrokenProblem, ownerIndexes: number[]): FamilySpec {
  return {
    key: `broken/${problem}`,
    name: `FY2026 needs repair: ${BROKEN_TITLES[problem]}`,
    year: 2026,
    milestone: 'monthly',
    goalType: 'sales_quota',
    pipelineIds: PIPELINE_IDS.sales,
    assignees: users(ownerIndexes),
    amount: money(10_000, 30_000),
  };
}

type Props = Record<string, string>;
const setProps = (record: SeedRecord | undefined, changes: Props) => {
  if (record) record.properties = { ...record.properties, ...changes };
};
const dropProp = (record: SeedRecord | undefined, name: string) => {
  if (record) {
    const { [name]: _dropped, ...rest } = record.properties;
    record.properties = rest;
  }
};

/** Break a healthy family in exactly one way; returns ids of records worth naming in tests. */
function breakFamily(
  problem: BrokenProblem,
  family: BuiltFamily,
  writer: FamilyWriter,
  spec: FamilySpec,
): string[] {
  const slices = family.records;
  switch (problem) {
    case 'mixedNames':
      setProps(slices[4], { hs_goal_name: `${spec.name} (renamed)` });
      return [slices[4]?.id ?? ''];
    case 'mixedPipelines':
      setProps(slices[7], { hs_pipeline_ids: PIPELINE_IDS.renewals });
      return [slices[7]?.id ?? ''];
    case 'missingMonth': {
      const [removed] = slices.splice(2, 1); // March
      return [removed?.id ?? ''];
    }
    case 'splitGroupId': {
      const otherGroup = writer.newGroupId();
      for (const slice of slices.slice(6)) setProps(slice, { hs_goal_target_group_id: otherGroup });
      return slices.slice(6).map((slice) => slice.id ?? '');
    }
    case 'groupIdReused': {
      // Two assignees: the second one's slices carry the first one's group id.
      const firstGroup = family.groupIds[0] ?? '';
      for (const slice of slices.slice(12)) setProps(slice, { hs_goal_target_group_id: firstGroup });
      return slices.slice(12).map((slice) => slice.id ?? '');
    }
    case 'misalignedBoundary': {
      const april = slices[3];
      const shifted = dayjs.utc(april?.properties.hs_start_datetime).add(1, 'day').toISOString();
      setProps(april, { hs_start_datetime: shifted });
      return [april?.id ?? ''];
    }
    case 'wrongSliceCount':
      for (const slice of slices) setProps(slice, { hs_milestone: 'quarterly' });
      return [];
    case 'bothAssignees':
      for (const slice of slices) setProps(slice, { hs_assignee_team_id: teamIdOf(3) });
      return [];
    case 'noAssignee':
      for (const slice of slices) {
        dropProp(slice, 'hubspot_owner_id');
        dropProp(slice, 'hs_assignee_user_id');
      }
      return [];
    case 'negativeAmount':
      setProps(slices[5], { hs_target_amount: '-500.00' });
      return [slices[5]?.id ?? ''];
    case 'nonNumericAmount':
      setProps(slices[8], { hs_target_amount: '12k' });
      return [slices[8]?.id ?? ''];
    case 'orphanSlice':
      dropProp(slices[10], 'hs_group_correlation_uuid');
      return [slices[10]?.id ?? ''];
    case 'overlappingPeriods': {
      const june = slices[5];
      if (!june) return [];
      const start = dayjs.utc(june.properties.hs_start_datetime).add(14, 'day');
      const extra = writer.slice(
        spec,
        family.uuid,
        family.groupIds[0] ?? '',
        { kind: 'user', ownerIndex: 0 },
        { start: start.toISOString(), end: start.add(1, 'month').subtract(1, 'millisecond').toISOString() },
        1_000_000,
        0,
      );
      const { hubspot_owner_id, hs_assignee_user_id } = june.properties;
      setProps(extra, {
        hubspot_owner_id: hubspot_owner_id ?? '',
        hs_assignee_user_id: hs_assignee_user_id ?? '',
      });
      slices.push(extra);
      return [extra.id ?? ''];
    }
  }
}

const ADMIN = 1;
const MANAGER = managerIndexOf(1);
const [REP = 0, REP_WITHOUT_EDIT = 0, ...OTHER_REPS] = repIndexesOf(DEMO_PEOPLE, 1);

function buildCrmRecords(): { deals: SeedRecord[]; companies: SeedRecord[]; contacts: SeedRecord[] } {
  const createdAt = '2026-02-01T10:00:00.000Z';
  const dealOwners: Array<[string, number]> = [
    ['admin', ADMIN],
    ['manager', MANAGER],
    ['rep', REP],
    ['repWithoutEditRights', REP_WITHOUT_EDIT],
    ['emeaRep', repIndexesOf(DEMO_PEOPLE, 3)[0] ?? 0],
    ['apacRep', repIndexesOf(DEMO_PEOPLE, 4)[0] ?? 0],
    ['smbManager', managerIndexOf(5)],
    ['partnerRep', repIndexesOf(DEMO_PEOPLE, 6)[1] ?? 0],
  ];
  const deals = dealOwners.map(([label, owner], index) => ({
    id: String(30_000_000_001 + index),
    createdAt,
    properties: {
      dealname: `Demo deal ${index + 1} (${label})`,
      amount: `${(index + 2) * 12_500}.00`,
      pipeline: PIPELINE_IDS.sales,
      dealstage: 'qualifiedtobuy',
      closedate: '2026-12-15T00:00:00.000Z',
      hubspot_owner_id: ownerIdOf(owner),
    },
  }));
  const companies = ['Acme Robotics', 'Globex Analytics', 'Initech Cloud'].map((name, index) => ({
    id: String(31_000_000_001 + index),
    createdAt,
    properties: {
      name,
      domain: `${name.split(' ')[0]?.toLowerCase()}.example`,
      hubspot_owner_id: ownerIdOf([MANAGER, REP, REP_WITHOUT_EDIT][index] ?? ADMIN),
    },
  }));
  const contacts = [
    ['Jane', 'Doe', REP],
    ['Raj', 'Patel', MANAGER],
    ['Lena', 'Vogel', OTHER_REPS[0] ?? ADMIN],
  ].map(([firstname, lastname, owner], index) => ({
    id: String(32_000_000_001 + index),
    createdAt,
    properties: {
      firstname: String(firstname),
      lastname: String(lastname),
      email: `${String(firstname).toLowerCase()}.${String(lastname).toLowerCase()}@customer.example`,
      hubspot_owner_id: ownerIdOf(Number(owner)),
    },
  }));
  return { deals, companies, contacts };
}

interface DemoBuild {
  seed: SeedData;
  families: Record<string, string>;
  broken: Record<BrokenProblem, { uuid: string; name: string; recordIds: string[] }>;
}

function build(): DemoBuild {
  const writer = new FamilyWriter(FIRST_TARGET_ID, FIRST_GROUP_ID, String(userIdOf(ADMIN)));
  const goalTargets: SeedRecord[] = [];
  const families: Record<string, string> = {};
  for (const year of DEMO_FISCAL_YEARS) {
    for (const [label, spec] of Object.entries(healthySpecs(year))) {
      const family = writer.build(spec);
      families[label] = family.uuid;
      goalTargets.push(...family.records);
    }
  }
  const brokenOwners = repIndexesOf(DEMO_PEOPLE, 5);
  const broken = {} as DemoBuild['broken'];
  BROKEN_PROBLEMS.forEach((problem, index) => {
    const first = brokenOwners[index % brokenOwners.length] ?? REP;
    const second = brokenOwners[(index + 1) % brokenOwners.length] ?? REP;
    const spec = brokenSpec(problem, problem === 'groupIdReused' ? [first, second] : [first]);
    const family = writer.build(spec);
    const recordIds = breakFamily(problem, family, writer, spec);
    broken[problem] = { uuid: family.uuid, name: spec.name, recordIds };
    goalTargets.push(...family.records);
  });
  const crm = buildCrmRecords();
  const seed: SeedData = {
    portalId: DEMO_PORTAL_ID,
    owners: buildOwners(DEMO_PEOPLE),
    teams: buildTeams(DEMO_PEOPLE),
    users: buildUsers(DEMO_PEOPLE),
    pipelines: { deals: buildDealPipelines() },
    objects: { goal_targets: goalTargets, ...crm },
    seededAt: SEED_AS_OF,
  };
  return { seed, families, broken };
}

const demo = build();

/** A fresh copy of the demo portal's data (deterministic: the same on every call and every machine). */
export function buildDemoSeed(): SeedData {
  return structuredClone(demo.seed);
}

const deals = demo.seed.objects.deals ?? [];
const dealId = (index: number) => deals[index]?.id ?? '';

/** Well-known ids of the demo portal, for tests and the workbench. */
export const DEMO = {
  portalId: DEMO_PORTAL_ID,
  asOf: SEED_AS_OF,
  fiscalYears: DEMO_FISCAL_YEARS,
  owners: {
    admin: ownerIdOf(ADMIN),
    manager: ownerIdOf(MANAGER),
    rep: ownerIdOf(REP),
    repWithoutEditRights: ownerIdOf(REP_WITHOUT_EDIT),
  },
  users: {
    admin: String(userIdOf(ADMIN)),
    manager: String(userIdOf(MANAGER)),
    rep: String(userIdOf(REP)),
    repWithoutEditRights: String(userIdOf(REP_WITHOUT_EDIT)),
  },
  teams: {
    /** The manager's and both reps' team. */
    northAmericaEnterprise: teamIdOf(1),
    all: Array.from({ length: DEMO_PEOPLE.teamCount }, (_, i) => teamIdOf(i + 1)),
  },
  pipelines: PIPELINE_IDS,
  deals: {
    ownedByAdmin: dealId(0),
    ownedByManager: dealId(1),
    ownedByRep: dealId(2),
    ownedByRepWithoutEditRights: dealId(3),
    all: deals.map((deal) => deal.id ?? ''),
  },
  companies: (demo.seed.objects.companies ?? []).map((company) => company.id ?? ''),
  contacts: (demo.seed.objects.contacts ?? []).map((contact) => contact.id ?? ''),
  families: {
    /** The rep's team monthly revenue family for 2026 (6 reps × 12 months). */
    teamRevenue2026: demo.families['revenue-2026-team1'] ?? '',
    teamRevenue2027: demo.families['revenue-2027-team1'] ?? '',
    teamQuota2026: demo.families['teamQuota-2026-team1'] ?? '',
    managerBookings2026: demo.families['managers-2026'] ?? '',
    repStretch2026: demo.families[`stretch-2026-owner${REP}`] ?? '',
    /** Every healthy family by label (`revenue-2026-team3`, ...). */
    byLabel: demo.families,
  },
  broken: demo.broken,
  uuidFor,
} as const;
