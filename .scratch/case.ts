const base = 'http://127.0.0.1:8399';
const h = { authorization: 'Bearer emulator-token', 'content-type': 'application/json' };
const post = async (path: string, body: unknown) =>
  (await fetch(base + path, { method: 'POST', headers: h, body: JSON.stringify(body) })).json();
const uuid = crypto.randomUUID();
const inputs = Array.from({ length: 3 }, (_, i) => ({
  properties: {
    hs_group_correlation_uuid: uuid,
    hs_goal_name: 'Case Test',
    hs_goal_target_group_id: '7',
    hs_start_datetime: `209${i}-01-01T00:00:00Z`,
    hs_end_datetime: `209${i}-01-31T00:00:00Z`,
    hs_target_amount: '1',
  },
}));
const created = await post('/crm/v3/objects/goal_targets/batch/create', { inputs });
await new Promise((r) => setTimeout(r, 1500));
const q = (name: string) =>
  post('/crm/v3/objects/goal_targets/search', {
    filterGroups: [
      {
        filters: [
          { propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid },
          { propertyName: 'hs_goal_name', operator: 'EQ', value: name },
        ],
      },
    ],
    limit: 100,
  });
console.log('exact', (await q('Case Test')).total, 'upper', (await q('CASE TEST')).total);
await post('/crm/v3/objects/goal_targets/batch/update', {
  inputs: [{ id: created.results[0].id, properties: { hs_target_amount: '2' } }],
});
console.log('after update: exact', (await q('Case Test')).total, 'upper', (await q('CASE TEST')).total);
await new Promise((r) => setTimeout(r, 1500));
console.log('after lag: exact', (await q('Case Test')).total, 'upper', (await q('CASE TEST')).total);
