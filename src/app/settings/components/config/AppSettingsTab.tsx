import type { AppError } from '@goal-families/contract';
import {
  currencyOptions,
  ErrorNotice,
  monthOptions,
  readOnlyText,
  timeZoneOptions,
  useFormat,
  useNames,
} from '@goal-families/ui';
import { Button, Flex, Heading, Input, MultiSelect, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { PageEnvironment } from '../../types/page';
import { buildSettings, type SettingsForm, toSettingsForm } from '../../utils/settingsForm';

/**
 * F11: who may edit, defaults, what the card shows; saved to the portal with the version read. Super
 * admins may change everything (and can always save); editors may change the defaults and the card.
 */
export function AppSettingsTab({ environment }: { environment: PageEnvironment }) {
  const { client, canEditSettings: canEdit, canChangeEditors, directory } = environment;
  const format = useFormat();
  const names = useNames();
  const [form, setForm] = useState<SettingsForm>(() => toSettingsForm(environment.settings));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const built = buildSettings(form);
  const problems = built.ok ? {} : built.problems;
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setError(null);
  };
  const save = async () => {
    if (!built.ok) return;
    setSaving(true);
    const result = await client.call('app_settings_save', {
      settings: built.settings,
      version: environment.settingsVersion,
    });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    environment.actions.addAlert({ type: 'success', message: 'Settings saved.' });
    environment.reloadSettings();
  };
  const users = directory.owners.filter((o) => o.userId !== null);

  return (
    <Flex direction="column" gap="md" testId="settings-tab">
      <Heading>Who may edit goals</Heading>
      {!canChangeEditors && (
        <Text variant="microcopy" testId="editors-super-admins-only">
          Only super admins can change who may edit goals.
        </Text>
      )}
      <Toggle
        label="Super admins"
        name="superAdmins"
        checked={form.superAdmins}
        readOnly={!canChangeEditors}
        onChange={(v) => set('superAdmins', v)}
      />
      <MultiSelect
        label="Users"
        name="userIds"
        value={form.userIds}
        readOnly={!canChangeEditors}
        options={[
          ...form.userIds
            .filter((id) => !users.some((u) => u.userId === id))
            .map((id) => ({ label: 'A former user', value: id })),
          ...users.map((u) => ({
            label: u.email ? `${u.name} (${u.email})` : u.name,
            value: u.userId ?? '',
          })),
        ]}
        onChange={(v) => set('userIds', v.map(String))}
      />
      <MultiSelect
        label="Teams"
        name="teamIds"
        value={form.teamIds}
        readOnly={!canChangeEditors}
        options={[
          ...form.teamIds
            .filter((id) => !directory.teams.some((t) => t.id === id))
            .map((id) => ({ label: 'A deleted team', value: id })),
          ...directory.teams.map((t) => ({ label: t.name, value: t.id })),
        ]}
        onChange={(v) => set('teamIds', v.map(String))}
        error={!!problems.editors}
        validationMessage={problems.editors}
      />
      <Heading>Defaults</Heading>
      <Flex gap="sm" wrap>
        <Select
          label="Time zone of new goals"
          name="timeZone"
          value={form.timeZone}
          readOnly={!canEdit}
          options={timeZoneOptions(environment.now(), form.timeZone)}
          error={!!problems.timeZone}
          validationMessage={problems.timeZone}
          onChange={(v) => set('timeZone', String(v))}
          testId="settings-time-zone"
        />
        <Select
          label="Fiscal year starts in"
          name="fiscalYearStartMonth"
          value={form.fiscalYearStartMonth}
          readOnly={!canEdit}
          options={monthOptions(format.locale)}
          onChange={(v) => set('fiscalYearStartMonth', String(v))}
        />
        <Select
          label="Currency of goal amounts"
          name="currency"
          value={form.currency}
          readOnly={!canEdit}
          options={currencyOptions([form.currency, ...environment.options.currencies], format.locale)}
          description={
            environment.options.currencies.length > 0
              ? 'The portal’s currencies; its company currency comes first.'
              : 'The portal’s currencies could not be read; only the current one is offered.'
          }
          error={!!problems.currency}
          validationMessage={problems.currency}
          onChange={(v) => set('currency', String(v))}
          testId="settings-currency"
        />
      </Flex>
      <Heading>What the sidebar card shows</Heading>
      <Toggle
        label="The year at a glance"
        name="showYearAtAGlance"
        checked={form.showYearAtAGlance}
        readOnly={!canEdit}
        onChange={(v) => set('showYearAtAGlance', v)}
      />
      <Toggle
        label="A tag on broken goals"
        name="showHealth"
        checked={form.showHealth}
        readOnly={!canEdit}
        onChange={(v) => set('showHealth', v)}
      />
      <Input
        label="Goals shown at most"
        name="maxFamilies"
        value={form.maxFamilies}
        readOnly={!canEdit}
        error={!!problems.maxFamilies}
        validationMessage={problems.maxFamilies}
        onInput={(v) => set('maxFamilies', v)}
        onChange={(v) => set('maxFamilies', v)}
      />
      {error && <ErrorNotice error={error} />}
      {canEdit ? (
        <Button
          variant="primary"
          disabled={!built.ok || saving}
          onClick={() => save()}
          testId="settings-save"
        >
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      ) : null}
      {canEdit && !built.ok && (
        <Text
          variant="microcopy"
          testId="settings-missing"
        >{`To save, first: ${Object.values(problems).join(' ')}`}</Text>
      )}
      {!canEdit && (
        <Text variant="microcopy" testId="settings-read-only">
          {`Only super admins and editors can change these settings. ${readOnlyText(environment.settings.editors, names).replace('You can look at these goals but not change them. ', '')}`}
        </Text>
      )}
    </Flex>
  );
}
