/** The property bag of a new slice, as HubSpot strings: shared by create, clone and repair. */
import { formatInstant } from './instant';
import { type Cents, formatMoney } from './money';
import { PROP } from './properties';
import type { Assignee } from './target';

export type NewSlice = {
  uuid: string;
  groupId: string;
  name: string;
  goalType: string;
  milestone: string;
  /** The exact `hs_pipeline_ids` value to store ('' for none: then it is not sent). */
  pipelineIdsRaw: string;
  assignee: Assignee | null;
  startMs: number;
  endMs: number;
  targetCents: Cents;
};

/** The property that names an assignee of this kind. */
export const assigneeProperty = (kind: Assignee['kind']): string =>
  kind === 'owner' ? PROP.ownerId : PROP.teamId;

export function newSliceProperties(s: NewSlice): Record<string, string> {
  const properties: Record<string, string> = {
    [PROP.uuid]: s.uuid,
    [PROP.groupId]: s.groupId,
    [PROP.name]: s.name,
    [PROP.goalType]: s.goalType,
    [PROP.milestone]: s.milestone,
    [PROP.start]: formatInstant(s.startMs),
    [PROP.end]: formatInstant(s.endMs),
    [PROP.targetAmount]: formatMoney(s.targetCents),
  };
  if (s.pipelineIdsRaw !== '') properties[PROP.pipelineIds] = s.pipelineIdsRaw;
  if (s.assignee !== null) properties[assigneeProperty(s.assignee.kind)] = s.assignee.id;
  return properties;
}
