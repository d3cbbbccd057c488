export { CONTROL_PREFIX } from './control/control-api.js';
export type { CallEffect, CallRule, PartialFailureOptions } from './control/faults.js';
export { Faults } from './control/faults.js';
// What the emulator assumes about HubSpot, for `npm run probe:hubspot` to compare with a real portal.
export { BUILT_IN_OBJECT_TYPES, GOAL_TYPE_OPTIONS, MILESTONE_OPTIONS } from './crm/builtin-properties.js';
export type { BatchOperation } from './crm/context.js';
export { BATCH_INPUT_LIMIT } from './crm/objects-batch.js';
export { OBJECT_PATH_PREFIXES } from './crm/routes.js';
export { SEARCH_LIMITS } from './crm/search.js';
export { MAX_STRING_VALUE_LENGTH } from './crm/values.js';
export {
  createEmulator,
  DEFAULT_TOKEN,
  Emulator,
  type EmulatorOptions,
  VIRTUAL_NOW_HEADER,
} from './emulator.js';
export { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './http/rate-limit.js';
export { buildDemoSeed, DEMO } from './seed/demo.js';
export { mulberry32 } from './seed/deterministic.js';
export { type GeneratePortalOptions, generatePortal } from './seed/generate.js';
export type { Owner, Pipeline, SeedChoice, SeedData, SeedRecord, Team } from './seed/types.js';
export type { CrmRecord } from './store/records.js';
export type { Store } from './store/store.js';
