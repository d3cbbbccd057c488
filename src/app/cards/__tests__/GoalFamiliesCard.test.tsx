import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  Input,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Select,
  Table,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { cardContext, renderCard } from './cardHarness';
import {
  appliedOf,
  appView,
  FAMILY_UUID,
  fail,
  makeFamily,
  makeGroup,
  makePlan,
  makeSettings,
  monthlySlices,
  ok,
  pending,
  previewOf,
} from './fixtures';
import { fire, textOf } from './queries';

/** The card's one call answers with the families and the settings (an editor's, unless given). */
const listOf = (...families: ReturnType<typeof makeFamily>[]) =>
  ok('goal_families_list', { families, nextCursor: null, total: families.length, app: appView() });

describe('GoalFamiliesCard — states', () => {
  it('shows a spinner while the goals load', async () => {
    const card = renderCard({ goal_families_list: () => pending() });
    await vi.waitFor(() => expect(card.callsOf('goal_families_list')).toHaveLength(1));
    expect(card.findByTestId(LoadingSpinner, 'card-loading')).toBeDefined();
  });

  it("paints the record owner's families and the settings from one call (the card view)", async () => {
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    expect(card.actions.fetchCrmObjectProperties).toHaveBeenCalledWith(['hubspot_owner_id']);
    expect(card.callsOf('goal_families_list')).toEqual([
      { filter: { ownerId: '77' }, view: 'card', limit: 50 },
    ]);
    expect(card.callsOf('app_settings_get')).toHaveLength(0);
  });

  it('shows the empty state that points to the app settings', async () => {
    const card = renderCard({ goal_families_list: () => listOf() });
    await vi.waitFor(() => expect(card.maybeFindByTestId(EmptyState, 'card-empty')).not.toBeNull());
    expect(textOf(card.findByTestId(EmptyState, 'card-empty'))).toBe(
      'Nobody has set goals for this person yet. Create one in the app settings.',
    );
  });

  it('explains a failed load in plain words', async () => {
    const card = renderCard({ goal_families_list: () => fail('RATE_LIMITED', 'Too many requests') });
    await vi.waitFor(() => expect(card.maybeFindByTestId(ErrorState, 'card-error')).not.toBeNull());
    const alert = card.find(Alert);
    expect(alert.props.title).toBe('HubSpot is busy');
    expect(textOf(alert)).toContain('Wait a minute, then try again.');
  });

  it('says so when the record has no owner, without listing anything', async () => {
    const card = renderCard({}, { ownerId: null });
    await vi.waitFor(() => expect(card.maybeFindByTestId(EmptyState, 'card-no-assignee')).not.toBeNull());
    expect(card.callsOf('goal_families_list')).toHaveLength(0);
  });

  it('explains when the owner cannot be read', async () => {
    const card = renderCard({});
    card.actions.fetchCrmObjectProperties.mockRejectedValue(new Error('boom'));
    // The first fetch already resolved; switch scope away and back to trigger a new read.
    fire(card.find(Select, { name: 'scope' }), 'onChange', 'team:9');
    await vi.waitFor(() => expect(card.callsOf('goal_families_list').length).toBeGreaterThan(0));
    fire(card.find(Select, { name: 'scope' }), 'onChange', 'recordOwner');
    await vi.waitFor(() => expect(card.maybeFindByTestId(Alert, 'card-owner-error')).not.toBeNull());
    const alert = card.findByTestId(Alert, 'card-owner-error');
    expect(alert.props.title).toBe('The record’s owner could not be read');
    expect(textOf(alert)).toContain('switch to “My goals”');
    expect(textOf(alert)).not.toContain('boom');
  });
});

describe('GoalFamiliesCard — one family', () => {
  it('shows name, type, assignee, exact current-period progress and the year at a glance', async () => {
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    const progress = card.find(ProgressBar);
    expect(progress.props.title).toBe('Mar 2026');
    expect(progress.props.value).toBe(25);
    expect(progress.props.valueDescription).toBe('$250.00 of $1,000.00 · 25%');
    // The portal's labels, not the internal values.
    await vi.waitFor(() => expect(card.findAll(Tag).map((t) => t.text)).toEqual(['Revenue', 'Monthly']));
    expect(card.findAll(Text).some((t) => t.text === 'For Olivia Owner')).toBe(true);
    // Every period is there, folded away by default.
    const toggle = card.findByTestId(Accordion, `periods-${FAMILY_UUID}`);
    expect(toggle.props.title).toBe('All 12 periods');
    expect(toggle.props.defaultOpen).toBeUndefined();
    const table = card.findByTestId(Table, `periods-table-${FAMILY_UUID}`);
    expect(textOf(table)).toContain('Jan 2026');
    expect(textOf(table)).toContain('▸ Mar 2026');
    expect(textOf(table)).toContain('Dec 2026');
  });

  it("shows the family's periods in its own time zone, not the portal's", async () => {
    // A UTC family seen from a portal in Los Angeles: January is still January.
    const context = cardContext();
    context.portal.timezone = 'America/Los_Angeles';
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) }, { context });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    expect(card.find(ProgressBar).props.title).toBe('Mar 2026');
    const table = textOf(card.findByTestId(Table, `periods-table-${FAMILY_UUID}`));
    expect(table).toContain('Jan 2026');
    expect(table).not.toContain('Dec 2025');
  });

  it('formats large amounts exactly, with no float drift', async () => {
    const slices = monthlySlices(2026, 2001, '1234567890123.45', '0.10');
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily({ groups: [makeGroup({ slices })] })),
    });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    expect(card.find(ProgressBar).props.valueDescription).toBe('$0.10 of $1,234,567,890,123.45 · 0%');
  });

  it('tags a broken family, and hides the tag when the settings say so', async () => {
    const broken = makeFamily({ healthy: false, findingCount: 2 });
    const card = renderCard({ goal_families_list: () => listOf(broken) });
    await vi.waitFor(() => expect(card.maybeFindByTestId(Tag, `health-${FAMILY_UUID}`)).not.toBeNull());
    expect(card.findByTestId(Tag, `health-${FAMILY_UUID}`).text).toBe('Needs repair (2 problems)');

    const families = [broken, makeFamily({ uuid: '11111111-2222-4333-8444-555555555555' })];
    const quiet = renderCard({
      goal_families_list: () =>
        ok('goal_families_list', {
          families,
          nextCursor: null,
          total: families.length,
          app: appView({
            settings: makeSettings({ card: { showHealth: false, showYearAtAGlance: false, maxFamilies: 1 } }),
            canEdit: false,
            version: null,
          }),
        }),
    });
    await vi.waitFor(() => expect(quiet.maybeFindByTestId(Button, 'card-more')).not.toBeNull());
    expect(quiet.maybeFindByTestId(Tag, `health-${FAMILY_UUID}`)).toBeNull();
    expect(quiet.maybeFindByTestId(Table, `periods-table-${FAMILY_UUID}`)).toBeNull();
    // Not an editor: the rest of the list opens in place.
    expect(quiet.findByTestId(Button, 'card-more').text).toBe('Show 1 more goal');
    expect(quiet.findAll(Tile)).toHaveLength(1);
    quiet.findByTestId(Button, 'card-more').trigger('onClick');
    await vi.waitFor(() => expect(quiet.findAll(Tile)).toHaveLength(2));
    expect(quiet.maybeFindByTestId(Button, `edit-${FAMILY_UUID}`)).toBeNull();
  });
});

describe('GoalFamiliesCard — scope switch', () => {
  it("switches to the viewer's own goals through the owners list", async () => {
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      owners_and_teams_list: () =>
        ok('owners_and_teams_list', {
          owners: [
            { id: '77', userId: '1', name: 'Olivia Owner', email: 'olivia@example.com' },
            { id: '88', userId: '42', name: 'Vera Viewer', email: 'viewer@example.com' },
          ],
          teams: [],
        }),
    });
    await vi.waitFor(() => expect(card.callsOf('goal_families_list')).toHaveLength(1));
    fire(card.find(Select, { name: 'scope' }), 'onChange', 'me');
    await vi.waitFor(() => expect(card.callsOf('goal_families_list')).toHaveLength(2));
    expect(card.callsOf('goal_families_list')[1]).toMatchObject({ filter: { ownerId: '88' } });
  });

  it("switches to one of the viewer's teams", async () => {
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) });
    expect(card.find(Select, { name: 'scope' }).props.options.map((o) => o.label)).toEqual([
      "Record owner's goals",
      'My goals',
      'Team: West',
    ]);
    fire(card.find(Select, { name: 'scope' }), 'onChange', 'team:9');
    await vi.waitFor(() =>
      expect(
        card.callsOf('goal_families_list').some((p) => (p.filter as { teamId?: string }).teamId === '9'),
      ).toBe(true),
    );
  });
});

async function openEditor(card: ReturnType<typeof renderCard>) {
  await vi.waitFor(() => expect(card.maybeFindByTestId(Button, `edit-${FAMILY_UUID}`)).not.toBeNull());
  card.findByTestId(Button, `edit-${FAMILY_UUID}`).trigger('onClick');
}

describe('GoalFamiliesCard — edit one amount (F4)', () => {
  it('previews exactly which slice changes, applies with the preview version, alerts and refreshes', async () => {
    const plan = makePlan();
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_target_update: (p) =>
        p.dryRun ? ok('goal_target_update', previewOf(plan)) : ok('goal_target_update', appliedOf(plan)),
    });
    await openEditor(card);
    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '1,500');
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(card.callsOf('goal_target_update')[0]).toEqual({
      uuid: FAMILY_UUID,
      targetId: '1003',
      targetAmount: '1500.00',
      notify: false,
      dryRun: true,
    });
    const row = textOf(card.find(Table, { bordered: true }));
    expect(row).toContain('Olivia Owner Mar 2026 Target $1,000.00 $1,500.00');
    expect(row).not.toMatch(/#1003|2026-03-01|hs_/);
    expect(textOf(card.findByTestId(Text, 'plan-summary'))).toBe(
      'Changes target amounts — 1 target of 1 person.',
    );
    expect(textOf(card.findByTestId(Alert, 'plan-warnings'))).toBe(
      'The goal’s total target changes from $12,000.00 to $12,500.00.',
    );

    card.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(card.actions.addAlert).toHaveBeenCalledTimes(1));
    expect(card.callsOf('goal_target_update')[1]).toMatchObject({
      dryRun: false,
      version: 'v-1',
      targetAmount: '1500.00',
    });
    expect(card.actions.addAlert).toHaveBeenCalledWith({
      type: 'success',
      title: 'Q-2026 New business updated',
      message: 'Changes target amounts — 1 target of 1 person.',
    });
    await vi.waitFor(() => expect(card.callsOf('goal_families_list')).toHaveLength(2));
  });

  it('refuses an amount with three decimals before calling anything', async () => {
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) });
    await openEditor(card);
    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '10.005');
    expect(card.findByTestId(Input, 'amount-input').props.validationMessage).toBe(
      'Use at most two decimal places.',
    );
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    // The disabled button says why.
    expect(textOf(card.findByTestId(Flex, 'preview-missing'))).toContain('Use at most two decimal places.');
  });

  it('explains a CONFLICT on apply and offers a fresh preview', async () => {
    const plan = makePlan();
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_target_update: (p) =>
        p.dryRun ? ok('goal_target_update', previewOf(plan)) : fail('CONFLICT', 'family changed'),
    });
    await openEditor(card);
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    card.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(Alert, 'error-CONFLICT')).not.toBeNull());
    expect(card.findByTestId(Alert, 'error-CONFLICT').props.title).toBe(
      'The goal changed since your preview',
    );
    expect(card.findByTestId(Button, 'preview-button').text).toBe('Preview again');
    expect(card.actions.addAlert).not.toHaveBeenCalled();
  });

  it('explains FORBIDDEN on preview', async () => {
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_target_update: () => fail('FORBIDDEN', 'not an editor'),
    });
    await openEditor(card);
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(Alert, 'error-FORBIDDEN')).not.toBeNull());
    expect(textOf(card.findByTestId(Alert, 'error-FORBIDDEN'))).toContain('Ask a super admin');
  });

  it('explains a rollback and a half-changed family', async () => {
    for (const [code, expected] of [
      ['PARTIAL_FAILURE_ROLLED_BACK', 'exactly as it was before'],
      ['NEEDS_ATTENTION', '2 targets changed'],
    ] as const) {
      const plan = makePlan();
      const details = {
        slices: [
          { id: '1', state: 'applied' },
          { id: '2', state: 'applied' },
          { id: '3', state: 'unknown' },
        ],
      };
      const card = renderCard({
        goal_families_list: () => listOf(makeFamily()),
        goal_target_update: (p) =>
          p.dryRun ? ok('goal_target_update', previewOf(plan)) : fail(code, 'x', details),
      });
      await openEditor(card);
      card.findByTestId(Button, 'preview-button').trigger('onClick');
      await vi.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
      card.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
      await vi.waitFor(() => expect(card.maybeFindByTestId(Alert, `error-${code}`)).not.toBeNull());
      expect(textOf(card.findByTestId(Alert, `error-${code}`))).toContain(expected);
    }
  });
});

describe('GoalFamiliesCard — re-spread (F6) and rename (F3)', () => {
  it('re-spreads the rest of the year for this assignee only, from the chosen period', async () => {
    const plan = makePlan({ operation: 'respread' });
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_family_update: (p) =>
        p.dryRun ? ok('goal_family_update', previewOf(plan)) : ok('goal_family_update', appliedOf(plan)),
    });
    await openEditor(card);
    fire(card.find(Select, { name: 'edit-kind' }), 'onChange', 'respread');
    fire(card.findByTestId(Input, 'respread-total-input'), 'onInput', '15000');
    expect(card.findByTestId(Text, 'respread-explanation').text).toBe(
      '$2,000.00 stays on the earlier periods; $13,000.00 is shared evenly over 10 periods.',
    );
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(card.findByTestId(Text, 'change-scope').text).toBe(
      'This changes Olivia Owner’s targets from Mar 2026 to Dec 2026 (10 targets); other assignees keep theirs.',
    );
    expect(card.callsOf('goal_family_update')[0]).toEqual({
      uuid: FAMILY_UUID,
      respread: { groupId: '501', from: '2026-02-28', spread: { mode: 'even', total: '15000.00' } },
      notify: false,
      dryRun: true,
    });
    card.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(card.actions.addAlert).toHaveBeenCalled());
    expect(card.callsOf('goal_family_update')[1]).toMatchObject({ dryRun: false, version: 'v-1' });
  });

  it('refuses a total smaller than what the earlier periods already hold', async () => {
    const card = renderCard({ goal_families_list: () => listOf(makeFamily()) });
    await openEditor(card);
    fire(card.find(Select, { name: 'edit-kind' }), 'onChange', 'respread');
    fire(card.findByTestId(Input, 'respread-total-input'), 'onInput', '1999.99');
    expect(textOf(card.findByTestId(Text, 'respread-explanation'))).toContain('more than this total');
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
  });

  it('renames every slice after a preview, and explains a VALIDATION_ERROR', async () => {
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_family_update: () =>
        fail('VALIDATION_ERROR', 'Invalid parameters.', {
          issues: [{ path: ['changes', 'name'], message: 'must not be blank' }],
        }),
    });
    await openEditor(card);
    fire(card.find(Select, { name: 'edit-kind' }), 'onChange', 'rename');
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    fire(card.findByTestId(Input, 'name-input'), 'onInput', '  FY26 New business ');
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(Alert, 'error-VALIDATION_ERROR')).not.toBeNull());
    expect(card.callsOf('goal_family_update')[0]).toEqual({
      uuid: FAMILY_UUID,
      changes: { name: 'FY26 New business' },
      notify: false,
      dryRun: true,
    });
    expect(textOf(card.findByTestId(Alert, 'error-VALIDATION_ERROR'))).toContain('Name: must not be blank');
  });
});

describe('GoalFamiliesCard — a count goal (meetings booked)', () => {
  it('shows targets, actuals and previews as plain numbers, never as money', async () => {
    const slices = monthlySlices(2026, 1001, '17.00', '10.00');
    const meetings = makeFamily({ goalType: 'meetings_booked', groups: [makeGroup({ slices })] });
    const plan = makePlan({
      notices: [],
      updates: [
        {
          id: '1003',
          label: 'x',
          changes: [{ property: 'hs_target_amount', before: '17.00', after: '12.50' }],
        },
      ],
    });
    const card = renderCard({
      goal_families_list: () => listOf(meetings),
      goal_target_update: () => ok('goal_target_update', previewOf(plan)),
    });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    expect(card.find(ProgressBar).props.valueDescription).toBe('10 of 17 · 59%');
    const table = textOf(card.findByTestId(Table, `periods-table-${FAMILY_UUID}`));
    expect(table).toContain('17');
    expect(table).not.toContain('$');
    expect(table).not.toContain('.00');

    await openEditor(card);
    const input = card.findByTestId(Input, 'amount-input');
    expect(input.props.description).toBe('Now 17 · type it like 1,234.56');
    fire(input, 'onInput', '12.5');
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    const row = textOf(card.find(Table, { bordered: true }));
    // A row the server sent without a reference is described from the goal the card holds.
    expect(row).toContain('Olivia Owner Mar 2026 Target 17 12.5');
    expect(row).not.toContain('$');
  });
});
