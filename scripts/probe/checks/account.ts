/** What the app reads beside the goals: the portal's currencies, goal type labels, the notify flag. */
import { NOTIFY_ON_EDIT_PROPERTY } from '@goal-families/domain';
import { paths } from '../../../src/gateway/index';
import { type Check, confirmed, differs, said } from '../check';

export const ACCOUNT_CHECKS: Check[] = [
  {
    id: 'currencies-api',
    assumption: `the company currency comes from ${paths.companyCurrency()} as { currencyCode }, the others from ${paths.exchangeRates()} as { results: [{ fromCurrencyCode }] }`,
    where:
      'paths.companyCurrency / paths.exchangeRates in src/gateway/paths.ts; docs/emulator.md, assumption 16',
    async run(ctx) {
      const company = await ctx.http.request({ method: 'GET', path: paths.companyCurrency() });
      if (company.status !== 200 || typeof company.body?.currencyCode !== 'string')
        return differs(said(company));
      const rates = await ctx.http.request({ method: 'GET', path: paths.exchangeRates() });
      const results = rates.body?.results;
      if (
        rates.status !== 200 ||
        !Array.isArray(results) ||
        !results.every((r: { fromCurrencyCode?: unknown }) => typeof r.fromCurrencyCode === 'string')
      )
        return differs(said(rates));
      return confirmed(`company currency ${company.body.currencyCode}, ${results.length} exchange rates`);
    },
  },
  {
    id: 'revenue-label',
    assumption: 'the goal type sales_quota is labelled "Revenue"',
    where: 'KNOWN_GOAL_TYPE_LABELS in src/app/packages/ui/format.ts',
    async run(ctx) {
      const goalType = ctx.facts.properties.find((p) => p.name === 'hs_goal_type');
      const label = (goalType?.options ?? []).find(
        (o: { value: string }) => o.value === 'sales_quota',
      )?.label;
      return label === 'Revenue'
        ? confirmed('sales_quota: Revenue')
        : differs(`sales_quota: ${JSON.stringify(label)}`);
    },
  },
  {
    id: 'notify-property',
    assumption: `${NOTIFY_ON_EDIT_PROPERTY} is a boolean goal target property ("true"/"false")`,
    where: 'NOTIFY_ON_EDIT_PROPERTY in src/app/packages/domain/properties.ts',
    async run(ctx) {
      const property = ctx.facts.properties.find((p) => p.name === NOTIFY_ON_EDIT_PROPERTY);
      if (!property) return differs('no such property on goal_targets');
      const values = (property.options ?? []).map((o: { value: string }) => o.value).sort();
      return property.type === 'bool' && JSON.stringify(values) === '["false","true"]'
        ? confirmed('type bool, options true/false')
        : differs(`type ${property.type}, options ${JSON.stringify(values)}`);
    },
  },
];
