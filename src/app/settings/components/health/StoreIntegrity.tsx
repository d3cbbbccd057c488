import { ErrorNotice } from '@goal-families/ui';
import {
  Alert,
  Flex,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useStoreCheck } from '../../hooks/useStoreCheck';
import type { PageEnvironment } from '../../types/page';

const when = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      )
    : 'Unknown time';

/**
 * Part of the health check: are the app's saved settings and its change records as the app wrote
 * them? Records altered outside the app are listed; undo never uses them.
 */
export function StoreIntegrity({ environment, run }: { environment: PageEnvironment; run: number }) {
  const state = useStoreCheck(environment.client, run);
  if (state.status === 'loading')
    return (
      <LoadingSpinner
        label="Checking the app's saved settings and change records…"
        testId="store-check-loading"
      />
    );
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const { protection, checkedEntries, untrusted, complete } = state.data;
  const altered = untrusted.filter((u) => u.integrity === 'tampered').length;
  return (
    <Flex direction="column" gap="sm" testId="store-check">
      {!protection.signing && (
        <Text testId="store-check-unsigned">
          The app's records are not signed (its signing secret is not set), so changes made to them outside
          the app cannot be detected.
        </Text>
      )}
      {protection.settingsIgnored && (
        <Alert
          title="The saved settings were changed outside the app"
          variant="danger"
          testId="store-check-settings"
        >
          <Text>They are ignored until a super admin saves the settings again.</Text>
        </Alert>
      )}
      {untrusted.length > 0 ? (
        <Alert
          title={`${untrusted.length} change record${untrusted.length === 1 ? ' was' : 's were'} not made by this app`}
          variant="danger"
          testId="store-check-untrusted"
        >
          <Flex direction="column" gap="sm">
            <Text>
              {altered > 0
                ? 'Someone with access to the app’s records in HubSpot changed or added them. The Activity tab marks them, and undo never uses them.'
                : 'They carry no signature of this app. The Activity tab marks them, and undo never uses them.'}
            </Text>
            <Table bordered testId="store-check-table">
              <TableHead>
                <TableRow>
                  <TableHeader>When (as the record says)</TableHeader>
                  <TableHeader>Goal</TableHeader>
                  <TableHeader>Problem</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {untrusted.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell>{when(u.at, environment.timeZone)}</TableCell>
                    <TableCell>{u.familyName ?? 'Unknown goal'}</TableCell>
                    <TableCell>
                      {u.integrity === 'tampered' ? 'Altered outside the app' : 'Not signed by the app'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Flex>
        </Alert>
      ) : (
        protection.signing &&
        !protection.settingsIgnored && (
          <Text testId="store-check-ok">
            {`The app's saved settings and its ${checkedEntries.toLocaleString('en-US')} change record${checkedEntries === 1 ? ' are' : 's are'} as the app wrote them.`}
          </Text>
        )
      )}
      {!complete && (
        <Text variant="microcopy">
          The check stopped before the oldest change records; run it again to continue.
        </Text>
      )}
    </Flex>
  );
}
