import { createEmulator, DEFAULT_TOKEN } from '../emulator/index';
import { createProbeHttp } from '../scripts/probe/http';
import { runProbe } from '../scripts/probe/run';

const emulator = createEmulator({ seed: 'demo', rateLimits: true, searchLagMs: 1_000 });
const { baseUrl } = await emulator.listen(0);
const http = createProbeHttp(baseUrl, DEFAULT_TOKEN);
await runProbe(http, {
  only: ['numbers-as-written', 'search-ignores-case'],
  onResult: (r) => {
    if (r.check.id !== 'search-ignores-case') return;
    const recs = emulator.store
      .listObjects('goal_targets')
      .filter((x) => x.properties.hs_goal_name?.startsWith('Goal Families probe'));
    for (const x of recs)
      console.log(
        x.id,
        x.archived,
        x.indexed === null ? 'NULL' : x.indexed.properties.hs_goal_name === x.properties.hs_goal_name,
        x.indexPendingAt,
      );
    console.log(r.outcome.answer.slice(0, 30));
  },
});
await emulator.close();
