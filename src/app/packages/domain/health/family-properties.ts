/** Family-defining properties must be identical on every slice (docs/hubspot-facts.md §5). */
import type { Family, FamilyValue } from '../grouping';
import { PROP } from '../properties';
import type { GoalTarget } from '../target';
import { slices } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

const FIELDS: {
  property: string;
  value: (f: Family) => FamilyValue<unknown>;
  raw: (t: GoalTarget) => string;
}[] = [
  { property: PROP.name, value: (f) => f.name, raw: (t) => t.name },
  { property: PROP.goalType, value: (f) => f.goalType, raw: (t) => t.goalType },
  { property: PROP.milestone, value: (f) => f.milestone, raw: (t) => t.milestone },
  { property: PROP.pipelineIds, value: (f) => f.pipelineIds, raw: (t) => t.pipelineIdsRaw },
];

export const familyPropertiesDisagree: HealthRule = {
  id: 'family-properties-disagree',
  severity: 'error',
  title: 'Family-defining properties (name, goal type, milestone, pipelines) differ between slices',
  check(family) {
    const findings: Finding[] = [];
    for (const field of FIELDS) {
      const { disagreeing } = field.value(family);
      if (disagreeing.length === 0) continue;
      const odd = new Set(disagreeing);
      const agreeing = family.slices.find((t) => !odd.has(t.id));
      const majority = agreeing ? field.raw(agreeing) : '';
      const shown = majority === '' ? 'blank' : `"${majority}"`;
      // A blank majority is no value to spread: leave the choice to a person.
      const repairable = majority !== '' || field.property === PROP.pipelineIds;
      findings.push(
        makeFinding(
          familyPropertiesDisagree,
          family.uuid,
          field.property,
          `${field.property} differs on ${slices(disagreeing.length)} of ${family.slices.length}; most slices have ${shown}. HubSpot may show this goal twice or not at all.`,
          [...disagreeing],
          repairable
            ? {
                kind: 'set-properties',
                description: `Set ${field.property} to ${shown} on ${slices(disagreeing.length)}`,
                updates: disagreeing.map((id) => ({ id, properties: { [field.property]: majority } })),
              }
            : null,
        ),
      );
    }
    return findings;
  },
};
