/** Shapes of seeded data. Lookups are stored exactly as HubSpot's API returns them. */

export interface OwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

export interface Owner {
  id: string;
  email: string;
  type: 'PERSON' | 'QUEUE';
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  teams: OwnerTeam[];
}

export interface Team {
  id: string;
  name: string;
  userIds: string[];
  secondaryUserIds: string[];
}

/**
 * A user of the portal as HubSpot's user provisioning API returns it
 * (`GET /settings/users/2026-03/{userId}`): the app reads super-admin status and teams from here.
 */
export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  superAdmin: boolean;
  primaryTeamId?: string;
  secondaryTeamIds: string[];
  roleIds: string[];
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  stages: PipelineStage[];
}

/** One record to seed; properties are stored as given (no validation), so seeds may hold broken data. */
export interface SeedRecord {
  id?: string;
  properties: Record<string, string>;
  /** ISO 8601 or epoch ms; defaults to the seed time. */
  createdAt?: string | number;
  updatedAt?: string | number;
  archived?: boolean;
}

export interface SeedData {
  portalId?: number;
  owners: Owner[];
  teams: Team[];
  /** Users (the users API). Absent: one ordinary user (no super admin) per owner, teams as the owners'. */
  users?: User[];
  /** Pipelines by object type name (`deals`, ...). */
  pipelines: Record<string, Pipeline[]>;
  /** Records by object type (name, objectTypeId or custom fully-qualified name). */
  objects: Record<string, SeedRecord[]>;
  /** Time stamped on seeded records that carry none (ISO 8601). */
  seededAt?: string;
}

export type SeedChoice = 'demo' | 'empty' | SeedData;
