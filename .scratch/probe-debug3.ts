import { createEmulator, DEFAULT_TOKEN } from '../emulator/index';
import { createProbeHttp } from '../scripts/probe/http';
import { runProbe } from '../scripts/probe/run';

for (let run = 0; run < 6; run++) {
  const emulator = createEmulator({ seed: 'demo', rateLimits: true, searchLagMs: 1_000 });
  const { baseUrl } = await emulator.listen(0);
  const http = createProbeHttp(baseUrl, DEFAULT_TOKEN);
  await runProbe(http, {
    only: ['numbers-as-written', 'search-ignores-case'],
    onResult: (r) => {
      if (r.check.id !== 'search-ignores-case') return;
      console.log(run, r.outcome.status, r.outcome.answer.slice(0, 20));
      if (r.outcome.status === 'confirmed') return;
      const recs = emulator.store
        .listObjects('goal_targets')
        .filter((x) => x.properties.hs_goal_name?.startsWith('Goal Families probe'));
      const found = new Set([...r.outcome.answer.matchAll(/"id":"(\d+)"/g)].map((m) => m[1]));
      for (const x of recs)
        console.log(
          x.id,
          found.has(x.id),
          x.indexed === null
            ? 'NULL'
            : JSON.stringify([
                x.indexed.properties.hs_goal_name?.slice(-12),
                x.indexed.properties.hs_group_correlation_uuid?.slice(0, 8),
              ]),
          x.indexPendingAt,
        );
    },
  });
  await emulator.close();
}
