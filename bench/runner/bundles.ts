/** Where the built app functions are: `src/app/functions/dist/<uid>.js` (`npm run build:functions`). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FunctionUid } from '@goal-families/contract';

const DIST = fileURLToPath(new URL('../../src/app/functions/dist/', import.meta.url));

export const bundlePath = (uid: FunctionUid) => `${DIST}${uid.replace(/_/g, '-')}.js`;

/** True when the bundles are built (otherwise the runner falls back to the TypeScript sources). */
export const bundlesBuilt = () => existsSync(bundlePath('goal_families_list'));
