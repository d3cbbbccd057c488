import { createEmulator, DEFAULT_TOKEN } from '../emulator/index';

const emulator = createEmulator({ seed: 'demo', rateLimits: false, searchLagMs: 1_000 });
const { baseUrl } = await emulator.listen(0);
const h = { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' };
const req = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(baseUrl + path, {
    method,
    headers: h,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return r.status === 204 ? null : r.json();
};
const uuid = crypto.randomUUID();
const inputs = Array.from({ length: 12 }, (_, i) => ({
  properties: {
    hs_group_correlation_uuid: uuid,
    hs_goal_name: 'Probe Name',
    hs_goal_target_group_id: '7',
    hs_start_datetime: `2098-${String(i + 1).padStart(2, '0')}-01T00:00:00Z`,
    hs_end_datetime: `2098-${String(i + 1).padStart(2, '0')}-02T00:00:00Z`,
    hs_target_amount: '1',
  },
}));
const created = await req('POST', '/crm/v3/objects/goal_targets/batch/create', { inputs });
const ids = created.results.map((r: { id: string }) => r.id).sort();
const q = async (filters: unknown[]) =>
  await req('POST', '/crm/v3/objects/goal_targets/search', { filterGroups: [{ filters }], limit: 100 });
for (;;) {
  const r = await q([{ propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid }]);
  if (r.total === 12) break;
  await new Promise((r) => setTimeout(r, 250));
}
await req('PATCH', `/crm/v3/objects/goal_targets/${ids[1]}`, { properties: { hs_target_amount: '2' } });
const r = await q([
  { propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid },
  { propertyName: 'hs_goal_name', operator: 'EQ', value: 'PROBE NAME' },
]);
console.log(
  'total',
  r.total,
  'missing',
  ids.filter((id: string) => !r.results.some((x: { id: string }) => x.id === id)),
);
const r2 = await q([{ propertyName: 'hs_goal_name', operator: 'EQ', value: 'PROBE NAME' }]);
console.log('name only', r2.total);
await emulator.close();
