/**
 * Every check the probe runs, in the order it prints them. One file per area; a new check is one
 * entry in its area's list (or a new area's list added here).
 */
import type { Check } from '../check';
import { ACCOUNT_CHECKS } from './account';
import { CUSTOM_OBJECT_CHECKS } from './custom-objects';
import { OPTION_CHECKS } from './options';
import { PORTAL_CHECKS } from './portal';
import { RATE_LIMIT_CHECKS } from './rate-limits';
import { RECORD_CHECKS } from './records';
import { SEARCH_CHECKS } from './search';
import { WRITE_CHECKS } from './writes';

export const CHECKS: readonly Check[] = [
  ...OPTION_CHECKS,
  ...WRITE_CHECKS,
  ...RECORD_CHECKS,
  ...SEARCH_CHECKS,
  ...PORTAL_CHECKS,
  ...ACCOUNT_CHECKS,
  ...CUSTOM_OBJECT_CHECKS,
  ...RATE_LIMIT_CHECKS,
];
