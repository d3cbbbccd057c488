import { buildDemoSeed } from './demo.js';
import type { SeedChoice, SeedData } from './types.js';

export function emptySeed(): SeedData {
  return { owners: [], teams: [], pipelines: {}, objects: {} };
}

export function resolveSeed(choice: SeedChoice): SeedData {
  if (choice === 'demo') return buildDemoSeed();
  if (choice === 'empty') return emptySeed();
  return choice;
}
