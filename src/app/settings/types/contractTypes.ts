/** Contract types this folder uses that the contract exports only as schemas (type-only, erased). */
import type { z } from 'zod';
import type { FamilyFilter as FamilyFilterSchema } from '../../../contract';

export type FamilyFilter = z.input<typeof FamilyFilterSchema>;
