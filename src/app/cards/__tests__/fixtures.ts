/**
 * Response fixtures for the UI tests, each parsed by the contract's own zod result schema so that a
 * contract change breaks these fixtures loudly instead of the UI silently.
 */

import type {
  AppError,
  AppSettingsView,
  ErrorCode,
  FamilyDto,
  FamilySummaryDto,
  FindingDto,
  FindingFactsDto,
  FunctionResult,
  FunctionUid,
  GroupDto,
  JournalEntryDto,
  PlanDto,
  SettingsDto,
  SliceDto,
} from '@goal-families/contract';
import {
  FamilyDto as FamilySchema,
  FamilySummaryDto as FamilySummarySchema,
  FindingDto as FindingSchema,
  functionContracts,
  JournalEntryDto as JournalEntrySchema,
  PlanDto as PlanSchema,
} from '@goal-families/contract';
import type { CallParams, FunctionsClient } from '@goal-families/ui';
import { vi } from 'vitest';

export const FAMILY_UUID = '3f2b8c1e-6a4d-4e2f-9b7a-1c2d3e4f5a6b';
export const OTHER_UUID = '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a';

/** Success envelope for `uid`, validated against the contract. */
export function ok<U extends FunctionUid>(uid: U, value: object): FunctionResult<U> {
  const parsed = functionContracts[uid].result.parse(value) as object;
  return { ok: true, ...parsed } as FunctionResult<U>;
}

export function fail(
  code: ErrorCode,
  message = `${code} happened`,
  details?: unknown,
): { ok: false; error: AppError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Twelve monthly UTC slices of `year`, ids starting at `firstId`. */
export function monthlySlices(year: number, firstId: number, target = '1000.00', kpi = '250.00'): SliceDto[] {
  return Array.from({ length: 12 }, (_, month) => ({
    id: String(firstId + month),
    start: iso(Date.UTC(year, month, 1)),
    end: iso(Date.UTC(year, month + 1, 1) - 1),
    targetAmount: target,
    kpiValue: kpi,
    lastModified: '2026-01-02T10:00:00.000Z',
  }));
}

export function makeGroup(overrides: Partial<GroupDto> = {}): GroupDto {
  const slices = overrides.slices ?? monthlySlices(2026, 1001);
  const current = slices[2];
  return {
    groupId: '501',
    assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
    totalTarget: '12000.00',
    totalKpi: '3000.00',
    current:
      current?.start && current.end
        ? {
            sliceId: current.id,
            start: current.start,
            end: current.end,
            target: current.targetAmount ?? '0.00',
            kpi: current.kpiValue ?? '0.00',
          }
        : null,
    slices,
    ...overrides,
  };
}

export function makeFamily(overrides: Partial<FamilySummaryDto> = {}): FamilySummaryDto {
  return FamilySummarySchema.parse({
    uuid: FAMILY_UUID,
    name: 'Q-2026 New business',
    goalType: 'sales_quota',
    milestone: 'monthly',
    periodKind: 'monthly',
    pipelineIds: ['default'],
    sliceCount: 12,
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2026-12-31T23:59:59.999Z',
    totalTarget: '12000.00',
    totalKpi: '3000.00',
    groups: [makeGroup()],
    healthy: true,
    findingCount: 0,
    version: 'v-1',
    convention: { endStyle: 'inclusive', timeZone: 'UTC' },
    ...overrides,
  });
}

/** A family in full (`goal_family_get`), two assignees by default: an owner and a team. */
export function makeFamilyDetail(overrides: Partial<FamilyDto> = {}): FamilyDto {
  const owner = makeGroup();
  const team = makeGroup({
    groupId: '502',
    assignee: { kind: 'team', id: '9', name: 'West' },
    slices: monthlySlices(2026, 3001, '500.00', '100.00'),
    totalTarget: '6000.00',
    totalKpi: '1200.00',
  });
  return FamilySchema.parse({
    ...makeFamily({ groups: [owner, team], sliceCount: 24, totalTarget: '18000.00', totalKpi: '4200.00' }),
    findings: [],
    ...overrides,
  });
}

export function makeFinding(overrides: Partial<FindingDto> = {}): FindingDto {
  return FindingSchema.parse({
    id: 'f-1',
    ruleId: 'family-properties-disagree',
    severity: 'error',
    familyUuid: FAMILY_UUID,
    familyName: 'Q-2026 New business',
    goalType: 'sales_quota',
    message: 'hs_goal_name differs on 1 slice of 12.',
    sliceIds: ['1003'],
    repair: 'Set hs_goal_name to "Q-2026 New business" on 1 slice',
    facts: makeFacts(),
    ...overrides,
  });
}

/** A finding's facts: one target of Olivia Owner's, a name most targets share, a repair setting it. */
export function makeFacts(overrides: Partial<FindingFactsDto> = {}): FindingFactsDto {
  return {
    milestone: 'monthly',
    timeZone: 'UTC',
    assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
    targets: [
      {
        id: '1003',
        assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
        start: '2026-03-01T00:00:00.000Z',
        end: '2026-03-31T23:59:59.999Z',
      },
    ],
    targetCount: 1,
    goalTargetCount: 12,
    field: 'name',
    value: 'Q-2026 New business',
    others: [],
    parts: null,
    periods: [],
    amount: null,
    expectedPerYear: '12',
    wholesale: false,
    repair: {
      kind: 'set-values',
      count: 1,
      field: 'name',
      value: 'Q-2026 New business',
      assignee: null,
      goalName: null,
    },
    ...overrides,
  };
}

export function makeJournalEntry(overrides: Partial<JournalEntryDto> = {}): JournalEntryDto {
  return JournalEntrySchema.parse({
    id: 'j-1',
    at: '2026-03-10T09:30:00.000Z',
    by: { userId: '42' },
    operation: 'family-update',
    familyUuid: FAMILY_UUID,
    familyName: 'Q-2026 New business',
    goalType: 'sales_quota',
    summary: 'Renamed from "Q1" to "Q-2026 New business" on 12 slices',
    state: 'applied',
    changes: [{ id: '1001', property: 'hs_goal_name', before: 'Q1', after: 'Q-2026 New business' }],
    createdIds: [],
    undoable: true,
    notUndoableReason: null,
    undoneBy: null,
    resolvable: false,
    slices: [],
    integrity: 'valid',
    trusted: true,
    ...overrides,
  });
}

export function makePlan(overrides: Partial<PlanDto> = {}): PlanDto {
  return PlanSchema.parse({
    operation: 'target-update',
    familyUuid: FAMILY_UUID,
    version: 'v-1',
    summary: 'Update 1 slice (Q-2026 New business · 2026-03-01 · #1003)',
    creates: [],
    updates: [
      {
        id: '1003',
        label: 'Q-2026 New business · 2026-03-01 · #1003',
        target: {
          id: '1003',
          assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
          start: '2026-03-01T00:00:00.000Z',
          end: '2026-03-31T23:59:59.999Z',
        },
        changes: [{ property: 'hs_target_amount', before: '1000.00', after: '1500.00' }],
      },
    ],
    archives: [],
    batches: { create: 0, update: 1, archive: 0 },
    warnings: ["The family's total target changes from 12000.00 to 12500.00."],
    notices: [{ code: 'total-changes', assignee: null, before: '12000.00', after: '12500.00' }],
    ...overrides,
  });
}

/**
 * The app settings as the UI gets them (`app_settings_get`, or `app` of the card view): an editor (who
 * may save the settings, but only a super admin changes who may edit) of a portal whose settings are
 * signed, unless told otherwise.
 */
export function appView(overrides: Partial<AppSettingsView> = {}): AppSettingsView {
  const canEdit = overrides.canEdit ?? true;
  return {
    settings: makeSettings(),
    canEdit,
    canEditSettings: canEdit,
    canChangeEditors: canEdit,
    version: 's-1',
    protection: { signing: true, settingsRecord: 'valid', settingsIgnored: false },
    ...overrides,
  };
}

/** An `app_settings_get` answer (see `appView`). */
export function settingsAnswer(overrides: Partial<AppSettingsView> = {}): FunctionResult<'app_settings_get'> {
  return ok('app_settings_get', appView(overrides));
}

export function makeSettings(overrides: Partial<SettingsDto> = {}): SettingsDto {
  return {
    editors: { superAdmins: true, userIds: [], teamIds: [] },
    defaults: { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: 'USD' },
    card: { showYearAtAGlance: true, showHealth: true, maxFamilies: 10 },
    ...overrides,
  };
}

/** A mutation's dry-run answer and its applied answer for the same plan. */
export function previewOf(plan: PlanDto) {
  return { dryRun: true, plan };
}
export function appliedOf(plan: PlanDto) {
  return {
    dryRun: false,
    plan,
    applied: { created: plan.creates.length, updated: plan.updates.length, archived: plan.archives.length },
    version: 'v-2',
    journalEntryId: 'j-1',
    journal: { recorded: true, problem: null },
  };
}

type Handler<U extends FunctionUid> = (
  params: CallParams<U>,
) => FunctionResult<U> | Promise<FunctionResult<U>>;
export type Handlers = { [U in FunctionUid]?: Handler<U> };

/**
 * An injected functions client answering from `handlers`; any other uid answers INTERNAL_ERROR so
 * an unexpected call shows up in the test. `calls` records every call.
 */
export function fakeClient(handlers: Handlers) {
  const calls: { uid: FunctionUid; params: Record<string, unknown> }[] = [];
  const call = vi.fn(async (uid: FunctionUid, params: object) => {
    calls.push({ uid, params: params as Record<string, unknown> });
    const handler = handlers[uid] as ((p: object) => unknown) | undefined;
    if (!handler) return fail('INTERNAL_ERROR', `no stub for ${uid}`);
    return handler(params);
  });
  const client = { call } as unknown as FunctionsClient;
  return {
    client,
    calls,
    call,
    callsOf: (uid: FunctionUid) => calls.filter((c) => c.uid === uid).map((c) => c.params),
  };
}

/** A promise that never settles: for asserting loading states. */
export const pending = <T>() => new Promise<T>(() => undefined);
