import { createEmulator, DEFAULT_TOKEN } from '../emulator/index';
import { createProbeHttp } from '../scripts/probe/http';
import { formatResult, runProbe } from '../scripts/probe/run';

const emulator = createEmulator({ seed: 'demo', rateLimits: true, searchLagMs: 1_000 });
const { baseUrl } = await emulator.listen(0);
const http = createProbeHttp(baseUrl, DEFAULT_TOKEN);
const only = process.argv.slice(2);
const report = await runProbe(http, { only, onResult: (r) => console.log(formatResult(r).slice(0, 400)) });
console.log(report.cleanup, report.setupError);
await emulator.close();
