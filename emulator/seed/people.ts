import type { Owner, Pipeline, PipelineStage, Team, User } from './types.js';

const FIRST_NAMES = [
  'Morgan',
  'Priya',
  'Daniel',
  'Sofia',
  'Kenji',
  'Amara',
  'Lucas',
  'Hannah',
  'Mateo',
  'Chloe',
  'Omar',
  'Ingrid',
  'Ravi',
  'Elena',
  'Tom',
  'Yuki',
  'Grace',
  'Felix',
  'Nadia',
  'Samuel',
  'Leila',
  'Jonas',
  'Aisha',
  'Pedro',
  'Mia',
  'Noah',
  'Zara',
  'Ethan',
  'Lina',
  'Hugo',
  'Maya',
  'Arjun',
  'Clara',
  'Diego',
  'Freya',
  'Isaac',
  'Nora',
  'Victor',
  'Alice',
  'Kofi',
  'Julia',
  'Marco',
  'Emma',
  'Sven',
  'Rosa',
  'Liam',
  'Ana',
  'Theo',
];
const LAST_NAMES = [
  'Reyes',
  'Shah',
  'Okafor',
  'Rossi',
  'Tanaka',
  'Mensah',
  'Martin',
  'Schmidt',
  'Garcia',
  'Dubois',
  'Haddad',
  'Larsen',
  'Iyer',
  'Popescu',
  'Walsh',
  'Sato',
  'Kim',
  'Weber',
  'Petrova',
  'Adeyemi',
  'Karimi',
  'Berg',
  'Bello',
  'Silva',
  'Novak',
  'Evans',
  'Khan',
  'Murphy',
  'Nguyen',
  'Moreau',
  'Cohen',
  'Mehta',
  'Fischer',
  'Lopez',
  'Nilsson',
  'Brown',
  'Costa',
  'Ivanov',
  'Wright',
  'Asante',
  'Bauer',
  'Conti',
  'Taylor',
  'Lund',
];

export const TEAM_NAMES = [
  'North America Enterprise',
  'North America Mid-Market',
  'EMEA',
  'APAC',
  'SMB Inbound',
  'Partner Sales',
];

export const ownerIdOf = (index: number) => String(81_000_000 + index);
export const userIdOf = (index: number) => 91_000_000 + index;
export const teamIdOf = (index: number) => String(3_100_000 + index);

/** Who is who: owner indexes (1-based). Owner 1 is the super admin; each team has a manager and reps. */
export interface PeopleLayout {
  ownerCount: number;
  teamCount: number;
  repsPerTeam: number;
}

export const DEMO_PEOPLE: PeopleLayout = { ownerCount: 43, teamCount: 6, repsPerTeam: 6 };

export const managerIndexOf = (team: number) => 1 + team;
export function repIndexesOf(layout: PeopleLayout, team: number): number[] {
  const first = 2 + layout.teamCount + (team - 1) * layout.repsPerTeam;
  return Array.from({ length: layout.repsPerTeam }, (_, i) => first + i).filter(
    (i) => i <= layout.ownerCount,
  );
}

const SEED_TIME = '2024-01-15T09:00:00.000Z';

export function nameOf(index: number): { firstName: string; lastName: string } {
  const firstName = FIRST_NAMES[(index - 1) % FIRST_NAMES.length] ?? 'Owner';
  const lastName = LAST_NAMES[(index * 7 - 1) % LAST_NAMES.length] ?? String(index);
  return { firstName, lastName };
}

export function buildTeams(layout: PeopleLayout): Team[] {
  return Array.from({ length: layout.teamCount }, (_, i) => {
    const team = i + 1;
    const members = [managerIndexOf(team), ...repIndexesOf(layout, team)];
    return {
      id: teamIdOf(team),
      name: TEAM_NAMES[i] ?? `Team ${team}`,
      userIds: members.map((index) => String(userIdOf(index))),
      // The super admin watches the first team as a secondary member.
      secondaryUserIds: team === 1 ? [String(userIdOf(1))] : [],
    };
  });
}

export function buildOwners(layout: PeopleLayout): Owner[] {
  const teams = buildTeams(layout);
  return Array.from({ length: layout.ownerCount }, (_, i) => {
    const index = i + 1;
    const { firstName, lastName } = nameOf(index);
    const userId = userIdOf(index);
    const ownerTeams = teams
      .filter(
        (team) => team.userIds.includes(String(userId)) || team.secondaryUserIds.includes(String(userId)),
      )
      .map((team) => ({ id: team.id, name: team.name, primary: team.userIds.includes(String(userId)) }));
    return {
      id: ownerIdOf(index),
      email: `${`${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '')}${index}@demo-goals.example`,
      type: 'PERSON',
      firstName,
      lastName,
      userId,
      userIdIncludingInactive: userId,
      createdAt: SEED_TIME,
      updatedAt: SEED_TIME,
      archived: false,
      teams: ownerTeams,
    };
  });
}

/** Owner 1 is the portal's super admin; everybody else is an ordinary user. */
export const SUPER_ADMIN_INDEX = 1;

/**
 * The users behind the owners, as the users API describes them: the primary team is the team the
 * owner belongs to, secondary teams are the ones they only watch.
 */
export function usersFromOwners(owners: readonly Owner[], superAdminUserIds: ReadonlySet<number>): User[] {
  return owners.map((owner) => {
    const primary = owner.teams.find((team) => team.primary);
    return {
      id: String(owner.userId),
      email: owner.email,
      firstName: owner.firstName,
      lastName: owner.lastName,
      superAdmin: superAdminUserIds.has(owner.userId),
      ...(primary ? { primaryTeamId: primary.id } : {}),
      secondaryTeamIds: owner.teams.filter((team) => !team.primary).map((team) => team.id),
      roleIds: [],
    };
  });
}

export function buildUsers(layout: PeopleLayout): User[] {
  return usersFromOwners(buildOwners(layout), new Set([userIdOf(SUPER_ADMIN_INDEX)]));
}

function stages(pipelineId: string, labels: Array<[string, string]>): PipelineStage[] {
  return labels.map(([label, probability], index) => ({
    id: pipelineId === 'default' ? label.toLowerCase().replace(/[^a-z]+/g, '') : `${pipelineId}${index + 1}`,
    label,
    displayOrder: index,
    metadata: { isClosed: String(probability === '1.0' || probability === '0.0'), probability },
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
    archived: false,
  }));
}

export const PIPELINE_IDS = { sales: 'default', enterprise: '7100001', renewals: '7100002' } as const;

export function buildDealPipelines(): Pipeline[] {
  const pipeline = (
    id: string,
    label: string,
    displayOrder: number,
    labels: Array<[string, string]>,
  ): Pipeline => ({
    id,
    label,
    displayOrder,
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
    archived: false,
    stages: stages(id, labels),
  });
  return [
    pipeline(PIPELINE_IDS.sales, 'Sales Pipeline', 0, [
      ['Appointment scheduled', '0.2'],
      ['Qualified to buy', '0.4'],
      ['Presentation scheduled', '0.6'],
      ['Decision maker bought in', '0.8'],
      ['Closed won', '1.0'],
      ['Closed lost', '0.0'],
    ]),
    pipeline(PIPELINE_IDS.enterprise, 'Enterprise', 1, [
      ['Discovery', '0.1'],
      ['Solution design', '0.3'],
      ['Proposal', '0.6'],
      ['Legal review', '0.8'],
      ['Closed won', '1.0'],
      ['Closed lost', '0.0'],
    ]),
    pipeline(PIPELINE_IDS.renewals, 'Renewals', 2, [
      ['Renewal due', '0.5'],
      ['Negotiation', '0.7'],
      ['Renewed', '1.0'],
      ['Churned', '0.0'],
    ]),
  ];
}
