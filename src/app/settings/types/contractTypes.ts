/** Contract types this folder uses (type-only, erased at build). */

export type { FamilyFilter } from '@goal-families/contract';
