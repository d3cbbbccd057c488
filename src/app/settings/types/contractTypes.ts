/** Contract types this folder uses that the contract exports only as schemas (type-only, erased). */

import type { FamilyFilter as FamilyFilterSchema } from '@goal-families/contract';
import type { z } from 'zod';

export type FamilyFilter = z.input<typeof FamilyFilterSchema>;
