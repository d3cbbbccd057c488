import type { StoreProtectionDto } from '@goal-families/contract';
import { Alert, Flex, Text } from '@hubspot/ui-extensions';

/**
 * Says plainly when the app cannot vouch for its own records: no signing secret (nothing is
 * protected), or saved settings that were changed outside the app (they are ignored).
 */
export function StoreProtectionNotice({
  protection,
  canChangeEditors,
}: {
  protection: StoreProtectionDto;
  canChangeEditors: boolean;
}) {
  if (protection.signing && !protection.settingsIgnored) return null;
  return (
    <Flex direction="column" gap="sm">
      {!protection.signing && (
        <Alert
          title="Settings and activity are not protected"
          variant="warning"
          testId="unsigned-store-notice"
        >
          <Text>
            The app's signing secret has not been set, so the app cannot tell whether its saved settings or
            its list of changes were altered outside the app. Everything still works. Ask whoever installed
            the app to set the secret (the install steps say how).
          </Text>
        </Alert>
      )}
      {protection.settingsIgnored && (
        <Alert
          title="The saved settings are not being used"
          variant="danger"
          testId="ignored-settings-notice"
        >
          <Text>
            {protection.settingsRecord === 'tampered'
              ? 'The saved settings were changed outside the app, so they are ignored: until they are saved again, only super admins may change goals.'
              : 'The saved settings were not saved by this app with its current secret, so they are ignored: until they are saved again, only super admins may change goals.'}
            {canChangeEditors
              ? ' Check the Settings tab and save it to restore them.'
              : ' Ask a super admin to save the settings again.'}
          </Text>
        </Alert>
      )}
    </Flex>
  );
}
