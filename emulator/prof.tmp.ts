import { createEmulator, generatePortal } from './index.js';

let t = performance.now();
const p = generatePortal({ targets: 100_000 });
console.log('generate', (performance.now() - t).toFixed(0));
t = performance.now();
const e = createEmulator({ seed: p });
console.log('load', (performance.now() - t).toFixed(0));
await e.close();
