import { describe, expect, it } from 'vitest';
import { amountSanity, needsConfirmation } from './sanity';

describe('amountSanity', () => {
  it.each([
    ['185000.00', '18500.00', { kind: 'much-higher', factor: 10 }],
    ['184999.99', '18500.00', { kind: 'ok' }],
    ['1850.00', '18500.00', { kind: 'much-lower', factor: 10 }],
    ['1850.01', '18500.00', { kind: 'ok' }],
    ['0.00', '18500.00', { kind: 'zero' }],
    ['0', null, { kind: 'zero' }],
    ['500.00', '0.00', { kind: 'ok' }],
    ['500.00', null, { kind: 'ok' }],
    ['1000000.00', '1.00', { kind: 'much-higher', factor: 1000000 }],
  ])('%s against %s', (next, current, expected) => {
    expect(amountSanity(next, current)).toEqual(expected);
  });
  it('asks for confirmation only for the 10× cases', () => {
    expect(needsConfirmation(amountSanity('185000', '18500'))).toBe(true);
    expect(needsConfirmation(amountSanity('0', '18500'))).toBe(false);
  });
});
