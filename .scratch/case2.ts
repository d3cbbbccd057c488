const base = 'http://127.0.0.1:8399';
const h = { authorization: 'Bearer emulator-token', 'content-type': 'application/json' };
const req = async (method: string, path: string, body?: unknown) =>
  (await fetch(base + path, { method, headers: h, ...(body ? { body: JSON.stringify(body) } : {}) }))
    .json()
    .catch(() => null);
const uuid = crypto.randomUUID();
const inputs = Array.from({ length: 4 }, (_, i) => ({
  properties: {
    hs_group_correlation_uuid: uuid,
    hs_goal_name: 'Case Test',
    hs_goal_target_group_id: '7',
    hs_start_datetime: `209${i}-01-01T00:00:00Z`,
    hs_end_datetime: `209${i}-01-31T00:00:00Z`,
    hs_target_amount: '1',
  },
}));
const created = await req('POST', '/crm/v3/objects/goal_targets/batch/create', { inputs });
const ids = created.results.map((r: { id: string }) => r.id);
await new Promise((r) => setTimeout(r, 1500));
const q = async (name: string) =>
  (
    await req('POST', '/crm/v3/objects/goal_targets/search', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid },
            { propertyName: 'hs_goal_name', operator: 'EQ', value: name },
          ],
        },
      ],
      limit: 100,
    })
  ).total;
await req('PATCH', `/crm/v3/objects/goal_targets/${ids[1]}`, { properties: { hs_target_amount: '2' } });
await req('POST', '/crm/v3/objects/goal_targets/batch/update', {
  inputs: [{ id: ids[2], properties: { hs_kpi_value: '5' } }],
});
await req('POST', '/crm/v3/objects/goal_targets/batch/update', {
  inputs: [{ id: ids[2], properties: { hs_kpi_value: '' } }],
});
console.log('within lag: exact', await q('Case Test'), 'upper', await q('CASE TEST'));
await new Promise((r) => setTimeout(r, 1500));
console.log('after lag: exact', await q('Case Test'), 'upper', await q('CASE TEST'));
