import { DEFAULT_SETTINGS, SettingsDto } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS_FALLBACK } from './defaultSettings';

describe('DEFAULT_SETTINGS_FALLBACK', () => {
  it("equals the contract's defaults and satisfies its schema", () => {
    expect(DEFAULT_SETTINGS_FALLBACK).toEqual(DEFAULT_SETTINGS);
    expect(SettingsDto.parse(DEFAULT_SETTINGS_FALLBACK)).toEqual(DEFAULT_SETTINGS_FALLBACK);
  });
});
