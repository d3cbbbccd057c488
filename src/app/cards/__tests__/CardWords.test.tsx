/**
 * The card in the app's words and flows: short by default, upcoming and ended goals folded, "N more
 * goals" leading somewhere, who can grant editing rights, scope before the preview, sanity checks,
 * amounts read in the viewer's locale, notify off by default.
 */
import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  Flex,
  Input,
  Link,
  ProgressBar,
  Select,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { cardContext, renderCard } from './cardHarness';
import {
  appView,
  FAMILY_UUID,
  makeFamily,
  makeGroup,
  makePlan,
  makeSettings,
  monthlySlices,
  ok,
  previewOf,
} from './fixtures';
import { fire, textOf } from './queries';

const listOf = (...families: ReturnType<typeof makeFamily>[]) =>
  ok('goal_families_list', { families, nextCursor: null, total: families.length, app: appView() });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A goal whose periods lie in `year` (the card's clock is March 2026). */
const goalIn = (year: number, n: number, name: string) =>
  makeFamily({
    uuid: uuid(n),
    name,
    groups: [makeGroup({ slices: monthlySlices(year, 1000 * n) })],
  });

async function openEditor(card: ReturnType<typeof renderCard>, id = FAMILY_UUID) {
  await vi.waitFor(() => expect(card.maybeFindByTestId(Button, `edit-${id}`)).not.toBeNull());
  card.findByTestId(Button, `edit-${id}`).trigger('onClick');
}

describe('the short card', () => {
  it('shows running goals, folds the ones that have not started under "Upcoming" and past ones under "Ended"', async () => {
    const card = renderCard({
      goal_families_list: () =>
        listOf(
          goalIn(2027, 1, 'FY2027 quota'),
          goalIn(2026, 2, 'FY2026 quota'),
          goalIn(2025, 3, 'FY2025 quota'),
        ),
    });
    await vi.waitFor(() => expect(card.maybeFindByTestId(Accordion, 'card-upcoming')).not.toBeNull());
    expect(card.findByTestId(Accordion, 'card-upcoming').props.title).toBe('Upcoming (1)');
    expect(card.findByTestId(Accordion, 'card-ended').props.title).toBe('Ended (1)');
    expect(card.findByTestId(Text, `starts-${uuid(1)}`).text).toBe('Starts Jan 2027 · $12,000.00 in all');
    expect(card.findByTestId(Text, `ended-${uuid(3)}`).text).toBe('Ended Dec 2025 · $3,000.00 of $12,000.00');
    expect(card.findByTestId(ProgressBar, `progress-${uuid(2)}`).props.title).toBe('Mar 2026');
  });

  it('shows progress above 100% as such, with the bar full and marked achieved', async () => {
    const slices = monthlySlices(2026, 1001, '1000.00', '1120.00');
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily({ groups: [makeGroup({ slices })] })),
    });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar)).not.toBeNull());
    const bar = card.find(ProgressBar);
    expect(bar.props.value).toBe(100);
    expect(bar.props.variant).toBe('success');
    expect(bar.props.valueDescription).toBe('$1,120.00 of $1,000.00 · 112% · achieved');
  });

  it('gives an editor a link to the admin panel for the goals it does not show', async () => {
    const families = [1, 2, 3].map((n) => goalIn(2026, n, `Goal ${n}`));
    const card = renderCard(
      {
        goal_families_list: () =>
          ok('goal_families_list', {
            families,
            nextCursor: null,
            total: 60,
            app: appView({
              settings: makeSettings({ card: { showHealth: true, showYearAtAGlance: true, maxFamilies: 1 } }),
            }),
          }),
      },
      { context: { ...cardContext(), extension: { appId: 4242 } } },
    );
    await vi.waitFor(() => expect(card.maybeFindByTestId(Link, 'card-more')).not.toBeNull());
    const link = card.findByTestId(Link, 'card-more');
    expect(link.text).toBe('59 more goals — see every goal in the admin panel');
    expect(link.props.href).toEqual({ url: 'https://app.hubspot.com/app-settings/123456/app/4242' });
    expect(card.findAll(Tile)).toHaveLength(1);
  });

  it('tells a viewer without editing rights why there is no Edit button and who can grant it', async () => {
    const card = renderCard({
      goal_families_list: () =>
        ok('goal_families_list', {
          families: [makeFamily()],
          nextCursor: null,
          total: 1,
          app: appView({
            settings: makeSettings({ editors: { superAdmins: true, userIds: ['7'], teamIds: ['9'] } }),
            canEdit: false,
          }),
        }),
    });
    await vi.waitFor(() => expect(card.maybeFindByTestId(Text, 'card-read-only')).not.toBeNull());
    await vi.waitFor(() =>
      expect(card.findByTestId(Text, 'card-read-only').text).toBe(
        'You can look at these goals but not change them. To get editing rights, ask a super admin to add you as an editor in the app settings. Until then, Erin Editor and the West team can change goals for you.',
      ),
    );
    expect(card.maybeFindByTestId(Button, `edit-${FAMILY_UUID}`)).toBeNull();
  });
});

describe('edits on the card', () => {
  it('says how many people and targets a rename reaches before the preview', async () => {
    const team = makeGroup({
      groupId: '502',
      assignee: { kind: 'team', id: '9', name: 'West' },
      slices: monthlySlices(2026, 3001),
    });
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily({ groups: [makeGroup(), team], sliceCount: 24 })),
    });
    await openEditor(card);
    fire(card.find(Select, { name: 'edit-kind' }), 'onChange', 'rename');
    expect(card.findByTestId(Text, 'change-scope').text).toBe(
      'This renames the goal for 1 person and 1 team (24 targets), not only for this record’s owner.',
    );
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    expect(textOf(card.findByTestId(Flex, 'preview-missing'))).toContain('Type a new name.');
  });

  it('asks for confirmation of a target 10 times the current one, and only flags a zero', async () => {
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_target_update: () => ok('goal_target_update', previewOf(makePlan())),
    });
    await openEditor(card);
    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '10,000');
    const check = card.findByTestId(Alert, 'amount-check');
    expect(textOf(check)).toContain('$10,000.00 is 10 times the current target ($1,000.00).');
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    expect(textOf(card.findByTestId(Flex, 'preview-missing'))).toContain('Confirm the unusual amount.');
    fire(card.findByTestId(Checkbox, 'amount-check-confirm'), 'onChange', true);
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(false);
    // Another amount needs its own confirmation.
    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '100');
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(true);

    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '0');
    expect(card.maybeFindByTestId(Alert, 'amount-check')).toBeNull();
    expect(card.findByTestId(Text, 'amount-check-zero').text).toContain('A target of 0 is allowed');
    expect(card.findByTestId(Button, 'preview-button').props.disabled).toBe(false);
  });

  it('reads amounts in the viewer’s locale and refuses the other style with the expected format', async () => {
    const card = renderCard(
      {
        goal_families_list: () => listOf(makeFamily()),
        goal_target_update: () => ok('goal_target_update', previewOf(makePlan())),
      },
      { context: cardContext({ locale: 'de-DE' }) },
    );
    await openEditor(card);
    const input = () => card.findByTestId(Input, 'amount-input');
    expect(input().props.value).toBe('1.000');
    fire(input(), 'onInput', '1,500.50');
    expect(input().props.validationMessage).toBe('Use the format 1.234,56.');
    fire(input(), 'onInput', '1.500,50');
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.callsOf('goal_target_update')).toHaveLength(1));
    expect(card.callsOf('goal_target_update')[0]).toMatchObject({ targetAmount: '1500.50' });
    // Amounts on the card follow the locale too.
    await vi.waitFor(() =>
      expect((card.find(ProgressBar).props.valueDescription ?? '').replace(/\s/g, ' ')).toBe(
        '250,00 $ of 1.000,00 $ · 25 %',
      ),
    );
  });

  it('notifies the assignees only when asked', async () => {
    const card = renderCard({
      goal_families_list: () => listOf(makeFamily()),
      goal_target_update: () => ok('goal_target_update', previewOf(makePlan())),
    });
    await openEditor(card);
    fire(card.findByTestId(Input, 'amount-input'), 'onInput', '1500');
    expect(card.findByTestId(Checkbox, 'notify-checkbox').props.checked).toBe(false);
    fire(card.findByTestId(Checkbox, 'notify-checkbox'), 'onChange', true);
    card.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(card.callsOf('goal_target_update')).toHaveLength(1));
    expect(card.callsOf('goal_target_update')[0]).toMatchObject({ notify: true });
    await vi.waitFor(() => expect(card.maybeFindByTestId(Text, 'notify-on')).not.toBeNull());
  });
});
