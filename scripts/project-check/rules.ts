/**
 * HubSpot's project rules for `*-hsmeta.json` files (docs/hubspot-facts.md §1), checked offline.
 * HubSpot's own parser silently drops hsmeta files that are not valid JSON, so an upload could lose a
 * feature without a word: this check makes every such slip a failing test.
 */

/** One hsmeta file as found on disk; `path` is relative to the project's srcDir, with `/`. */
export interface HsMetaFile {
  path: string;
  text: string;
}

export interface ProjectFacts {
  files: HsMetaFile[];
  /** Whether a path relative to srcDir exists (entrypoints, package.json files). */
  exists: (relativePath: string) => boolean;
}

const UID = /^[a-zA-Z0-9_.-]{1,64}$/;
const FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*-hsmeta\.json$/;
const TOP_LEVEL_KEYS = new Set(['uid', 'type', 'config', 'dependencies']);

/** Which folder under `app/` each component type lives in. */
const FOLDER_OF_TYPE: Record<string, string> = {
  card: 'cards',
  settings: 'settings',
  'app-function': 'functions',
};
const CARD_LOCATIONS = new Set(['crm.record.sidebar', 'crm.record.tab', 'crm.preview', 'helpdesk.sidebar']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkProject({ files, exists }: ProjectFacts): string[] {
  const problems: string[] = [];
  const uids = new Map<string, string>();
  const countOfType = new Map<string, number>();

  for (const file of files) {
    const say = (message: string) => problems.push(`${file.path}: ${message}`);
    const segments = file.path.split('/');
    const fileName = segments.at(-1) ?? '';
    if (!FILE_NAME.test(fileName)) say('file name must be kebab-case and end in -hsmeta.json');

    let meta: unknown;
    try {
      meta = JSON.parse(file.text);
    } catch (error) {
      say(`is not valid JSON (${(error as Error).message}); HubSpot would silently skip it`);
      continue;
    }
    if (!isObject(meta)) {
      say('must hold a JSON object');
      continue;
    }
    for (const key of Object.keys(meta)) {
      if (!TOP_LEVEL_KEYS.has(key))
        say(`unknown top-level key "${key}" (allowed: ${[...TOP_LEVEL_KEYS].join(', ')})`);
    }
    const { uid, type, config } = meta;
    if (typeof uid !== 'string' || !UID.test(uid)) {
      say('uid must be 1-64 characters of [a-zA-Z0-9_.-]');
    } else if (uids.has(uid)) {
      say(`uid "${uid}" is also used by ${uids.get(uid)}`);
    } else {
      uids.set(uid, file.path);
    }
    if (typeof type !== 'string') {
      say('type is missing');
      continue;
    }
    countOfType.set(type, (countOfType.get(type) ?? 0) + 1);
    if (!isObject(config)) {
      say('config must be an object');
      continue;
    }

    if (type === 'app') {
      if (file.path !== 'app/app-hsmeta.json') say('the app component must be app/app-hsmeta.json');
      checkApp(config, say);
      continue;
    }
    const folder = FOLDER_OF_TYPE[type];
    if (folder === undefined) {
      say(`type "${type}" is not one this project uses`);
      continue;
    }
    if (segments.length !== 3 || segments[0] !== 'app' || segments[1] !== folder) {
      say(`a ${type} hsmeta file must sit at the root of app/${folder}/`);
    }
    checkEntrypoint(config, exists, say);
    if (type === 'card') checkCard(config, say);
    if (type !== 'app-function' && !exists(`app/${folder}/package.json`))
      say(`app/${folder}/package.json is missing`);
  }

  if (countOfType.get('app') !== 1)
    problems.push('the project needs exactly one app component (app/app-hsmeta.json)');
  if ((countOfType.get('settings') ?? 0) > 1) problems.push('an app may have at most one settings component');
  if ((countOfType.get('app-function') ?? 0) > 0 && !exists('app/functions/package.json')) {
    problems.push('app/functions/package.json is required once any function exists');
  }
  return problems;
}

function checkApp(config: Json, say: (m: string) => void) {
  if (config.distribution !== 'private') say('an app with functions must have distribution "private"');
  const auth = config.auth;
  if (!isObject(auth) || auth.type !== 'static') say('an app with functions must use auth type "static"');
  else if (!Array.isArray(auth.requiredScopes) || auth.requiredScopes.length === 0)
    say('auth.requiredScopes is empty');
  if (typeof config.name !== 'string' || config.name.length === 0) say('config.name is missing');
}

function checkEntrypoint(config: Json, exists: (p: string) => boolean, say: (m: string) => void) {
  const entrypoint = config.entrypoint;
  if (typeof entrypoint !== 'string' || !entrypoint.startsWith('/')) {
    say('config.entrypoint must be a path from srcDir starting with "/"');
  } else if (!exists(entrypoint.slice(1))) {
    say(`entrypoint ${entrypoint} does not exist (functions: run npm run build:functions)`);
  }
}

function checkCard(config: Json, say: (m: string) => void) {
  if (typeof config.name !== 'string' || config.name.length === 0) say('card config.name is missing');
  if (typeof config.location !== 'string' || !CARD_LOCATIONS.has(config.location)) {
    say(`card location must be one of ${[...CARD_LOCATIONS].join(', ')}`);
  }
  if (!Array.isArray(config.objectTypes) || config.objectTypes.length === 0) say('card objectTypes is empty');
}
