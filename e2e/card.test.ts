/**
 * The sidebar card in the workbench, end to end: the real `uie build` bundle in a Web Worker, the real
 * app functions in-process, the emulator's demo portal. Flows 1, 2 and 8 of the workbench issue.
 */

import { DEMO } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTargets, currentSlicesOfOwner, familiesOfOwner, goalTargetState } from './support/data.js';
import { fillField, openView, type Session, screenshot, slicesOf, startSession } from './support/session.js';

/** Display only: how the card writes a goal's amount (en-US) — money for revenue goals, a plain number for counts. */
const shown = (amount: string, goalType: string) =>
  goalType === 'sales_quota'
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(amount))
    : new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Number(amount));

const repDeal = { objectTypeId: '0-3', objectId: DEMO.deals.ownedByRep };

describe('sidebar card', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['card'] });
  });
  afterAll(async () => s?.close());

  it("1. on a deal shows its owner's goals by name, with current progress in formatted amounts", async () => {
    s.wb.emulator.reset();
    const expected = familiesOfOwner(s.wb, DEMO.owners.rep);
    expect(expected.size).toBeGreaterThan(0);
    const page = await openView(s, { view: 'record', record: repDeal, user: 'manager' });
    const card = page.locator('.wb-card-body');
    await card.locator('[data-testid^="family-"]').first().waitFor();
    // Goals that have not started are folded under "Upcoming": open it to see them all.
    const upcoming = card.getByTestId('card-upcoming');
    if (await upcoming.count()) await upcoming.locator('button').first().click();
    const ownerName = s.wb.emulator.store.owners.find((o) => o.id === DEMO.owners.rep);
    const fullName = `${ownerName?.firstName} ${ownerName?.lastName}`;
    for (const [uuid, name] of expected) {
      const tile = card.getByTestId(`family-${uuid}`);
      await expect.poll(() => tile.locator('[data-hs="Heading"]').first().innerText()).toBe(name);
      expect(await tile.innerText()).toContain(`For ${fullName}`);
    }
    // Goal types by the portal's labels, never the internal values.
    const text = await card.innerText();
    expect(text).toContain('Revenue');
    expect(text).not.toMatch(/sales_quota|meetings_booked|deals_won/);
    // A goal running today shows its current period's target and progress; the others say when they start.
    const current = currentSlicesOfOwner(s.wb, DEMO.owners.rep, Date.now());
    expect(current.size).toBeGreaterThan(0);
    for (const uuid of expected.keys()) {
      const tile = card.getByTestId(`family-${uuid}`);
      const slice = current.get(uuid);
      if (slice) {
        const bar = tile.locator('[data-hs="ProgressBar"]').first();
        await expect.poll(() => bar.innerText()).toContain(shown(slice.target, slice.goalType));
        expect(await bar.innerText()).toMatch(/\d+%/);
      } else {
        expect(await tile.locator('[data-hs="ProgressBar"]').count()).toBe(0);
      }
    }
    await screenshot(page, 'card-deal-rep-owner');
    await page.close();
  });

  it("2. changing one month's amount changes that slice in the emulator and nothing else", async () => {
    s.wb.emulator.reset();
    const [uuid] = [...familiesOfOwner(s.wb, DEMO.owners.rep).keys()];
    if (!uuid) throw new Error('the rep owns no family in the demo seed');
    const before = goalTargetState(s.wb);
    const page = await openView(s, { view: 'record', record: repDeal, user: 'admin' });
    const tile = page.getByTestId(`family-${uuid}`);
    await tile.getByTestId(`edit-${uuid}`).click();
    await fillField(tile, 'amount-input', '12345.67');
    await tile.getByTestId('preview-button').click();
    await tile.getByTestId('apply-button').waitFor();
    // The preview names the person and the period, and shows the new target as money.
    const preview = await tile.getByTestId('plan-updates').innerText();
    expect(preview).toContain('Hannah Larsen');
    expect(preview).toContain('$12,345.67');
    expect(await tile.getByTestId('change-scope').innerText()).toContain('Hannah Larsen’s target for');
    await screenshot(page, 'card-amount-preview');
    await tile.getByTestId('apply-button').click();
    await expect
      .poll(() => page.getByTestId('toast').first().innerText(), { timeout: 15_000 })
      .toContain('updated');
    const changes = changedTargets(before, goalTargetState(s.wb));
    const changedIds = Object.keys(changes);
    expect(changedIds).toHaveLength(1);
    const id = changedIds[0] as string;
    expect(changes[id]).toEqual(['hs_target_amount']);
    const slice = slicesOf(s.wb, uuid).find((r) => r.id === id);
    expect(slice?.properties.hs_target_amount).toMatch(/^12345\.67?0?$/);
    await page.close();
  });

  it('8. a rep without edit rights sees no edit actions, and a forced call is refused', async () => {
    s.wb.emulator.reset();
    const [uuid] = [...familiesOfOwner(s.wb, DEMO.owners.rep).keys()];
    if (!uuid) throw new Error('the rep owns no family in the demo seed');
    const before = goalTargetState(s.wb);
    const page = await openView(s, { view: 'record', record: repDeal, user: 'rep' });
    const card = page.locator('.wb-card-body');
    await card.getByTestId(`family-${uuid}`).waitFor();
    expect(await card.locator('[data-testid^="edit-"]').count()).toBe(0);
    // Why there is no Edit button, and who can grant the rights.
    await expect
      .poll(() => card.getByTestId('card-read-only').innerText())
      .toContain('To get editing rights, ask a super admin');
    await screenshot(page, 'card-rep-read-only');

    // Force the call the card would make, from the page, as that rep.
    const answer = await page.evaluate(
      async ({ uuid, userId, portalId }) => {
        const call = async (name: string, parameters: unknown) => {
          const res = await fetch(`/__workbench/api/functions/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ parameters }),
          });
          return (await res.json()).response;
        };
        const base = {
          caller: { userId },
          portal: { id: String(portalId), timeZone: 'UTC' },
        };
        const got = await call('goal_family_get', { ...base, uuid });
        const slice = got.family.groups[0].slices[0];
        return call('goal_target_update', {
          ...base,
          uuid,
          targetId: slice.id,
          targetAmount: '1.00',
          dryRun: false,
          version: got.family.version,
        });
      },
      { uuid, userId: DEMO.users.repWithoutEditRights, portalId: s.wb.emulator.portalId },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(changedTargets(before, goalTargetState(s.wb))).toEqual({});
    await page.close();
  });
});
