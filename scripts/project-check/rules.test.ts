import { describe, expect, it } from 'vitest';
import { checkProject, type HsMetaFile } from './rules';

const app: HsMetaFile = {
  path: 'app/app-hsmeta.json',
  text: JSON.stringify({
    uid: 'my_app',
    type: 'app',
    config: {
      name: 'App',
      distribution: 'private',
      auth: { type: 'static', requiredScopes: ['crm.objects.goals.read'] },
    },
  }),
};
const fn = (uid: string, file = 'list') => ({
  path: `app/functions/${file}-hsmeta.json`,
  text: JSON.stringify({
    uid,
    type: 'app-function',
    config: { entrypoint: `/app/functions/dist/${file}.js` },
  }),
});
const card: HsMetaFile = {
  path: 'app/cards/goal-card-hsmeta.json',
  text: JSON.stringify({
    uid: 'goal_card',
    type: 'card',
    config: {
      name: 'Goals',
      location: 'crm.record.sidebar',
      entrypoint: '/app/cards/Card.tsx',
      objectTypes: ['deals'],
    },
  }),
};
const everything = new Set([
  'app/functions/package.json',
  'app/cards/package.json',
  'app/cards/Card.tsx',
  'app/functions/dist/list.js',
  'app/functions/dist/get.js',
]);
const check = (files: HsMetaFile[], present = everything) =>
  checkProject({ files, exists: (p) => present.has(p) });

describe('checkProject', () => {
  it('accepts a well-formed project', () => {
    expect(check([app, fn('list_fn'), card])).toEqual([]);
  });

  it.each([
    ['invalid JSON', [app, { path: 'app/cards/x-hsmeta.json', text: '{ "uid": ' }], /not valid JSON/],
    ['duplicate uid', [app, fn('same'), fn('same', 'get')], /also used by/],
    ['bad uid', [app, fn('has space')], /uid must be/],
    ['long uid', [app, fn('x'.repeat(65))], /uid must be/],
    [
      'unknown top-level key',
      [app, { ...card, text: card.text.replace('"uid"', '"permissions":{},"uid"') }],
      /unknown top-level key "permissions"/,
    ],
    ['misplaced file', [app, { ...card, path: 'app/cards/sub/goal-card-hsmeta.json' }], /root of app\/cards/],
    ['wrong folder', [app, { ...card, path: 'app/functions/goal-card-hsmeta.json' }], /root of app\/cards/],
    ['bad file name', [app, { ...card, path: 'app/cards/GoalCard-hsmeta.json' }], /kebab-case/],
    ['no app', [fn('a')], /exactly one app/],
    [
      'bad location',
      [app, { ...card, text: card.text.replace('crm.record.sidebar', 'crm.sidebar') }],
      /location/,
    ],
    ['missing entrypoint', [app, fn('a', 'missing')], /does not exist/],
  ] as const)('reports %s', (_label, files, message) => {
    expect(check([...files]).join('\n')).toMatch(message);
  });

  it('needs functions/package.json once a function exists', () => {
    const present = new Set([...everything].filter((p) => p !== 'app/functions/package.json'));
    expect(check([app, fn('a')], present).join('\n')).toMatch(/functions\/package.json is required/);
  });

  it('refuses two settings components', () => {
    const settings = (name: string) => ({
      path: `app/settings/${name}-hsmeta.json`,
      text: JSON.stringify({
        uid: name.replace('-', '_'),
        type: 'settings',
        config: { entrypoint: '/app/cards/Card.tsx' },
      }),
    });
    const present = new Set([...everything, 'app/settings/package.json']);
    expect(check([app, settings('a-page'), settings('b-page')], present).join('\n')).toMatch(
      /at most one settings/,
    );
  });
});
