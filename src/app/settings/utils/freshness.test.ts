import { describe, expect, it } from 'vitest';
import { timeAgo } from './freshness';

const now = new Date('2026-05-10T12:00:00.000Z');
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [60_000, '1 minute ago'],
    [5 * 60_000 + 30_000, '5 minutes ago'],
    [60 * 60_000, '1 hour ago'],
    [5 * 60 * 60_000, '5 hours ago'],
    [24 * 60 * 60_000, '1 day ago'],
    [3 * 24 * 60 * 60_000, '3 days ago'],
  ])('%i ms before → %s', (ms, words) => {
    expect(timeAgo(before(ms), now)).toBe(words);
  });

  it('an instant after now or unreadable reads as just now', () => {
    expect(timeAgo(before(-5_000), now)).toBe('just now');
    expect(timeAgo('not a date', now)).toBe('just now');
  });
});
