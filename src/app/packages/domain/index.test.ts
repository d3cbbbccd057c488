import { describe, expect, it } from 'vitest';
import * as domain from './index';

/** The public API other rings build on: removing or renaming one of these is a breaking change. */
const FUNCTIONS = [
  'parseMoney',
  'formatMoney',
  'scaleMoney',
  'sumCents',
  'parseInstant',
  'formatInstant',
  'parseTarget',
  'sliceLabel',
  'parsePipelineIds',
  'formatPipelineIds',
  'groupFamilies',
  'buildFamily',
  'compareSlices',
  'compareIds',
  'majority',
  'majorityPipelineIdsRaw',
  'assigneeKey',
  'buildSchedule',
  'scheduleSpecProblem',
  'alignStartDate',
  'fiscalYearStartDate',
  'periodContaining',
  'asMilestone',
  'gridPeriodAt',
  'gridPeriodStart',
  'gridNextStart',
  'gridPeriodsBetween',
  'detectConvention',
  'detectGrid',
  'familyGrid',
  'dateStartMs',
  'isValidTimeZone',
  'spreadEven',
  'spreadWeighted',
  'spreadExplicit',
  'spreadAmounts',
  'respread',
  'requestTotal',
  'familyVersion',
  'fnv1a64',
  'totals',
  'newSliceProperties',
  'assigneeProperty',
  'auditFamilies',
  'auditFamily',
  'auditOrphans',
  'findingId',
  'makeFinding',
  'isWholeYears',
  'planFamilyUpdate',
  'planRespread',
  'planTargetUpdate',
  'planCreate',
  'planClone',
  'planArchiveFamily',
  'planArchiveSlice',
  'planRepair',
  'planUndo',
  'mergePlans',
  'updateFor',
  'sameValue',
  'isEmptyPlan',
  'chunk',
  'batchCount',
  'clientChosenGroupId',
  'ok',
  'err',
];
const CONSTANTS = [
  'PROP',
  'READ_PROPERTIES',
  'FAMILY_DEFINING_PROPERTIES',
  'PIPELINE_IDS_SEPARATOR',
  'MILESTONES',
  'PERIODS_PER_YEAR',
  'DEFAULT_CONVENTION',
  'HEALTH_RULES',
  'RULE_CATALOG',
  'BATCH_LIMIT',
  'CLEARED',
];

describe('@goal-families/domain (index.ts)', () => {
  it.each(FUNCTIONS)('exports function %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it.each(CONSTANTS)('exports %s', (name) => {
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });

  it('names the HubSpot properties once', () => {
    expect(domain.FAMILY_DEFINING_PROPERTIES).toEqual([
      'hs_goal_name',
      'hs_goal_type',
      'hs_milestone',
      'hs_pipeline_ids',
    ]);
    expect(domain.READ_PROPERTIES).toContain('hs_group_correlation_uuid');
    expect(domain.PIPELINE_IDS_SEPARATOR).toBe(';');
    expect(domain.parsePipelineIds(null)).toEqual([]);
  });
});
