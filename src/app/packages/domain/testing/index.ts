/** Test helpers for code that uses the domain: fixtures and a plan applier. Never imported by shipped code. */
export * from './apply';
export * from './fixtures';
