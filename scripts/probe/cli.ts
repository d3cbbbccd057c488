/**
 * `npm run probe:hubspot`: checks every HubSpot behaviour the app and its emulator assume against a
 * portal, and prints one line per assumption: confirmed, or differs with what HubSpot answered.
 *
 *   HUBSPOT_API_BASE_URL=https://api.hubapi.com PRIVATE_APP_ACCESS_TOKEN=pat-... \
 *     npm run probe:hubspot -- --i-know-this-writes
 *
 * It writes: a scratch goal (twelve months of 2098 for one owner) and a scratch custom object, which it
 * removes again, also when a check fails. So that it never runs against a real portal by accident:
 * - a base URL that is not this machine (localhost, 127.0.0.1, ::1) needs `--i-know-this-writes`;
 * - a portal whose account details say `accountType: STANDARD` (a production account) is refused in any
 *   case: use a developer test account or a sandbox.
 * Options: `--base-url URL` and `--token TOKEN` instead of the variables; `--only id,id` to run some
 * checks. Exit code 0 when nothing differs, 1 when something differs or could not be cleaned up, 2 when
 * the probe refused to run.
 */
import { pathToFileURL } from 'node:url';
import { CHECKS } from './checks/index';
import { createProbeHttp, type ProbeHttp } from './http';
import { formatResult, runProbe } from './run';

export const WRITE_FLAG = '--i-know-this-writes';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export type ProbeArgs = { baseUrl: string; token: string; confirmedWrites: boolean; only?: string[] };

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The arguments, or why the probe will not run. */
export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ProbeArgs | { refused: string } {
  const baseUrl = option(argv, '--base-url') ?? env.HUBSPOT_API_BASE_URL;
  const token = option(argv, '--token') ?? env.PRIVATE_APP_ACCESS_TOKEN;
  if (!baseUrl) return { refused: 'Set HUBSPOT_API_BASE_URL (or --base-url), e.g. https://api.hubapi.com.' };
  if (!token) return { refused: 'Set PRIVATE_APP_ACCESS_TOKEN (or --token) to a token of the test account.' };
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { refused: `"${baseUrl}" is not a URL.` };
  }
  const confirmedWrites = argv.includes(WRITE_FLAG);
  if (!LOCAL_HOSTS.has(url.hostname) && !confirmedWrites) {
    return {
      refused: `${url.origin} is not this machine. The probe writes a scratch goal and a scratch custom object there (and removes them). Run it only against a HubSpot developer test account or sandbox, and say so with ${WRITE_FLAG}.`,
    };
  }
  const only = option(argv, '--only')?.split(',').filter(Boolean);
  const unknown = only?.filter((id) => !CHECKS.some((c) => c.id === id)) ?? [];
  if (unknown.length > 0)
    return {
      refused: `no check ${unknown.join(', ')}; the checks are ${CHECKS.map((c) => c.id).join(', ')}.`,
    };
  return { baseUrl, token, confirmedWrites, ...(only ? { only } : {}) };
}

/** Refuses a production account: the account details say STANDARD. Null when the probe may go on. */
export async function accountRefusal(http: ProbeHttp, print: (line: string) => void): Promise<string | null> {
  const details = await http.request({ method: 'GET', path: '/account-info/v3/details' });
  if (details.status !== 200) {
    print(
      `note: the account details could not be read (${details.status}); going on because ${WRITE_FLAG} was given.`,
    );
    return null;
  }
  const { portalId, accountType } = details.body ?? {};
  print(`portal ${portalId}, account type ${accountType}`);
  return accountType === 'STANDARD'
    ? `Portal ${portalId} is a standard (production) account. Run the probe against a developer test account or a sandbox.`
    : null;
}

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<number> {
  const args = parseArgs(argv, env);
  if ('refused' in args) {
    print(`probe refused: ${args.refused}`);
    return 2;
  }
  const http = createProbeHttp(args.baseUrl, args.token);
  print(`probing ${args.baseUrl}`);
  const refusal = await accountRefusal(http, print);
  if (refusal) {
    print(`probe refused: ${refusal}`);
    return 2;
  }
  const report = await runProbe(http, {
    ...(args.only ? { only: args.only } : {}),
    onResult: (r) => print(formatResult(r)),
  });
  if (report.setupError) print(`probe could not start its checks: ${report.setupError}`);
  for (const line of report.cleanup) print(`cleanup: ${line}`);
  const differing = report.results.filter((r) => r.outcome.status === 'differs').length;
  const unchecked = report.results.filter((r) => r.outcome.status === 'unchecked').length;
  print(
    `${report.results.length} checks: ${report.results.length - differing - unchecked} confirmed, ${differing} differ, ${unchecked} unchecked; ${report.calls} API calls; ${report.cleanup.length === 0 ? 'everything it made is removed' : `${report.cleanup.length} thing(s) left behind`}.`,
  );
  return report.setupError || differing > 0 || report.cleanup.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
