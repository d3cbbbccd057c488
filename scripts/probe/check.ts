/**
 * What a probe check is, and what every check gets: the HubSpot client, the portal's facts read once,
 * and the scratch family the probe made (and will archive). Add a check by writing one `Check` in a
 * file under `checks/` and listing it in `checks/index.ts`.
 */
import type { ProbeAnswer, ProbeHttp } from './http';

export type Status = 'confirmed' | 'differs' | 'unchecked';

export type Outcome = {
  status: Status;
  /** What HubSpot answered, in a line: shown after the assumption when it differs (or was unchecked). */
  answer: string;
};

export type Check = {
  /** Stable id, e.g. `milestone-options`. */
  id: string;
  /** The assumption in words, as docs/assumptions.md or docs/emulator.md states it. */
  assumption: string;
  /** The one place that holds it in the code (or the doc that lists it). */
  where: string;
  run(ctx: ProbeContext): Promise<Outcome>;
};

export type Scratch = {
  /** The scratch family: one owner's monthly year, far in the future (2098), under a client-chosen uuid. */
  uuid: string;
  groupId: string;
  ownerId: string;
  /** Ids of the scratch family's slices, January first. */
  ids: string[];
  /** Milliseconds after creation until search returned the family. */
  searchLagMs: number;
};

export type Facts = {
  ownerIds: string[];
  dealPipelineIds: string[];
  /** `GET /crm/v3/properties/goal_targets` results. */
  // biome-ignore lint/suspicious/noExplicitAny: HubSpot's property definitions, read as they come
  properties: any[];
};

export type ProbeContext = {
  http: ProbeHttp;
  facts: Facts;
  scratch: Scratch;
  /** Keeps a record id for the cleanup (goal targets archived, custom records archived). */
  track(objectType: string, id: string): void;
  /** Keeps a custom object type for the cleanup (its records archived, then the schema deleted). */
  trackSchema(objectType: string): void;
  /** A name unique to this run, for scratch objects and property values. */
  unique(prefix: string): string;
};

export const confirmed = (answer: string): Outcome => ({ status: 'confirmed', answer });
export const differs = (answer: string): Outcome => ({ status: 'differs', answer });
export const unchecked = (answer: string): Outcome => ({ status: 'unchecked', answer });

/** One line of an answer: status and HubSpot's message or body, cut short. */
export function said(answer: ProbeAnswer): string {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return `${answer.status} ${(body ?? '').slice(0, 240)}`;
}

export const GOAL_TARGETS = '/crm/v3/objects/goal_targets';
