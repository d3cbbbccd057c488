/** What the app functions return: plain JSON shapes the UI renders. */
import { z } from 'zod';
import { Amount, Assignee, FamilyUuid, IsoInstant, PeriodKind, Version } from './common';

export const NamedAssignee = Assignee.extend({
  /** Display name from owners/teams; absent when HubSpot no longer knows the id. */
  name: z.string().optional(),
});
export type NamedAssignee = z.infer<typeof NamedAssignee>;

export const SliceDto = z.object({
  id: z.string(),
  start: IsoInstant.nullable(),
  end: IsoInstant.nullable(),
  /** null when HubSpot holds something that is not a number there. */
  targetAmount: Amount.nullable(),
  kpiValue: Amount.nullable(),
  lastModified: IsoInstant.nullable(),
});
export type SliceDto = z.infer<typeof SliceDto>;

export const CurrentPeriodDto = z.object({
  sliceId: z.string(),
  start: IsoInstant,
  end: IsoInstant,
  target: Amount,
  kpi: Amount,
});
export type CurrentPeriodDto = z.infer<typeof CurrentPeriodDto>;

export const GroupDto = z.object({
  /** `hs_goal_target_group_id`; null for slices that lack one. */
  groupId: z.string().nullable(),
  assignee: NamedAssignee.nullable(),
  totalTarget: Amount,
  totalKpi: Amount,
  /** The slice whose period contains "now", if any. */
  current: CurrentPeriodDto.nullable(),
  /** Present in `goal_family_get`, and in `goal_families_list` with `detail: "slices"`. */
  slices: z.array(SliceDto).optional(),
});
export type GroupDto = z.infer<typeof GroupDto>;

/**
 * Which target a plan row or a health problem is about, in words the UI can render: who it is for
 * and which period (never only its id).
 */
export const TargetRefDto = z.object({
  id: z.string(),
  assignee: NamedAssignee.nullable(),
  start: IsoInstant.nullable(),
  end: IsoInstant.nullable(),
});
export type TargetRefDto = z.infer<typeof TargetRefDto>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** The goal-defining value a problem is about (the UI says "name", "goal type", …). */
export const GoalField = z.enum(['name', 'goalType', 'milestone', 'pipelines', 'other']);
export type GoalField = z.infer<typeof GoalField>;

/**
 * A health problem as data. Every rule fills what it knows; the UI words each rule from these facts
 * (ids never reach the screen: assignees carry names, periods are instants, amounts are Amount).
 */
export const FindingFactsDto = z.object({
  /** The goal's period length, for period labels. */
  milestone: z.string().nullable(),
  /** The goal's time zone, for period labels. */
  timeZone: z.string(),
  /** Whose targets the problem is about (one assignee's set of targets), when it is one assignee. */
  assignee: NamedAssignee.nullable(),
  /** The targets concerned (at most 50 listed; `targetCount` counts them all). */
  targets: z.array(TargetRefDto),
  targetCount: z.number().int(),
  /** How many targets the whole goal has. */
  goalTargetCount: z.number().int(),
  /** For differing goal-defining values: which one, and the value most targets have. */
  field: GoalField.nullable(),
  value: z.string().nullable(),
  /** Other assignees found among one assignee's targets. */
  others: z.array(NamedAssignee),
  /** How many separate sets one assignee's targets are split into. */
  parts: z.number().int().nullable(),
  /** Periods concerned that have no target (missing periods). */
  periods: z.array(z.object({ start: IsoInstant, end: IsoInstant })),
  /** A total in the goal's unit (what archiving duplicates removes). */
  amount: Amount.nullable(),
  /** Targets per year the period length needs (12 monthly, 4 quarterly, 1 yearly), when known. */
  expectedPerYear: z.string().nullable(),
  /** True when no target of the goal is on its period boundaries (likely another time zone). */
  wholesale: z.boolean(),
  /** The repair as data: what it changes and for whom; null without an automatic repair. */
  repair: z
    .object({
      kind: z.enum(['set-values', 'create-missing', 'archive']),
      count: z.number().int(),
      field: z.string().nullable(),
      value: z.string().nullable(),
      assignee: NamedAssignee.nullable(),
      /** The goal an orphaned target is put back into. */
      goalName: z.string().nullable(),
    })
    .nullable(),
});
export type FindingFactsDto = z.infer<typeof FindingFactsDto>;

export const FindingDto = z.object({
  /** Stable across scans of unchanged data: pass it to `goal_family_repair`. */
  id: z.string(),
  ruleId: z.string(),
  severity: Severity,
  familyUuid: z.string().nullable(),
  familyName: z.string().nullable(),
  /** The family's `hs_goal_type`, so that amounts show in the goal's unit; null for orphans. */
  goalType: z.string().nullable(),
  message: z.string(),
  sliceIds: z.array(z.string()),
  /** What the repair would do, in words; null when the finding has no automatic repair. */
  repair: z.string().nullable(),
  /** What the problem is about, as data the UI puts in words (names, periods, amounts). */
  facts: FindingFactsDto.optional(),
});
export type FindingDto = z.infer<typeof FindingDto>;

export const FamilySummaryDto = z.object({
  uuid: z.string(),
  name: z.string(),
  goalType: z.string(),
  /** `hs_milestone` as HubSpot stores it (`annually`, `monthly`, ...). */
  milestone: z.string(),
  /** The milestone read as a period kind; null when it is not one HubSpot has. */
  periodKind: PeriodKind.nullable(),
  pipelineIds: z.array(z.string()),
  sliceCount: z.number().int(),
  periodStart: IsoInstant.nullable(),
  periodEnd: IsoInstant.nullable(),
  totalTarget: Amount,
  totalKpi: Amount,
  groups: z.array(GroupDto),
  /** False when the family needs repair: a rule of HubSpot's goals guide is broken (an error finding). */
  healthy: z.boolean(),
  findingCount: z.number().int(),
  version: Version,
  /**
   * How this family's periods are stored, read from its own slices: show its periods in this zone,
   * and edits keep both.
   */
  convention: z.object({
    endStyle: z.enum(['inclusive', 'exclusive']),
    timeZone: z.string(),
  }),
  /**
   * Present (true) only in the card's view, when the families shown were too large to read whole in
   * that call: `groups` holds the assignee's own group alone, `sliceCount`, the totals, the period and
   * the version cover the assignee's slices only, and health was not checked (`healthy` true and
   * `findingCount` 0 say nothing). Open the family to see all of it.
   */
  partial: z.literal(true).optional(),
});
export type FamilySummaryDto = z.infer<typeof FamilySummaryDto>;

export const FamilyDto = FamilySummaryDto.extend({
  findings: z.array(FindingDto),
});
export type FamilyDto = z.infer<typeof FamilyDto>;

export const PropertyChangeDto = z.object({
  property: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

const Counted = z.object({ count: z.number().int() });

/**
 * What a plan's preview warns about, as data the UI puts in words in the viewer's locale
 * (amounts as Amount, people as NamedAssignee).
 */
export const PlanNoticeDto = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('total-changes'),
    /** null: the whole goal's total; else one assignee's. */
    assignee: NamedAssignee.nullable(),
    before: Amount,
    after: Amount,
  }),
  z.object({ code: z.literal('archive-restorable') }),
  z.object({ code: z.literal('archive-last-target') }),
  z.object({ code: z.literal('archive-leaves-gap') }),
  z.object({ code: z.literal('nothing-to-write') }),
  Counted.extend({ code: z.literal('undated-kept'), assignee: NamedAssignee.nullable() }),
  Counted.extend({ code: z.literal('existing-skipped') }),
  Counted.extend({ code: z.literal('clone-unreadable-skipped') }),
  Counted.extend({ code: z.literal('clone-off-period') }),
  Counted.extend({ code: z.literal('clone-duplicates') }),
  z.object({ code: z.literal('clone-scaled'), scale: z.string() }),
  Counted.extend({ code: z.literal('finish-changed-since') }),
  Counted.extend({ code: z.literal('notify') }),
  /** Clone: periods the source has no target for, added with 0 so the copy has whole years. */
  Counted.extend({ code: z.literal('clone-filled') }),
  /**
   * Archiving one target leaves its assignee `count` targets, not whole years of the period length
   * (`expectedPerYear` per year): the goal will need repair.
   */
  Counted.extend({
    code: z.literal('archive-breaks-count'),
    assignee: NamedAssignee.nullable(),
    expectedPerYear: z.string(),
  }),
  /**
   * Create with a partial year: targets run from the `first` through the `last` period; the other
   * `count` periods of each assignee get a target of 0 (HubSpot still sees whole years).
   */
  Counted.extend({
    code: z.literal('partial-year'),
    first: z.object({ start: IsoInstant, end: IsoInstant }),
    last: z.object({ start: IsoInstant, end: IsoInstant }),
  }),
]);
export type PlanNoticeDto = z.infer<typeof PlanNoticeDto>;
export type PlanNoticeCode = PlanNoticeDto['code'];

export const PlanDto = z.object({
  operation: z.string(),
  familyUuid: FamilyUuid.or(z.string()),
  /** The goal's period length and time zone, so previews label periods as the goal has them. */
  milestone: z.string().optional(),
  timeZone: z.string().optional(),
  /** The version of what the plan was computed from; `goal_*` mutations take it back as `version`. */
  version: Version,
  summary: z.string(),
  creates: z.array(
    z.object({
      assignee: NamedAssignee.nullable(),
      start: IsoInstant,
      end: IsoInstant,
      properties: z.record(z.string(), z.string()),
    }),
  ),
  updates: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      target: TargetRefDto.optional(),
      changes: z.array(PropertyChangeDto),
    }),
  ),
  archives: z.array(z.object({ id: z.string(), label: z.string(), target: TargetRefDto.optional() })),
  /** How many HubSpot batch calls applying this takes (≤100 inputs each). */
  batches: z.object({ create: z.number().int(), update: z.number().int(), archive: z.number().int() }),
  warnings: z.array(z.string()),
  /** The warnings as data (the UI shows these, in the viewer's words and locale). */
  notices: z.array(PlanNoticeDto).optional(),
});
export type PlanDto = z.infer<typeof PlanDto>;

/**
 * One slice's state after a write that did not fully succeed: `applied` (holds the change), `failed`
 * (refused; as before), `rolled_back` (applied, then restored), `unknown` (the answer was lost and it
 * could not be read back), `unchanged` (never sent). A slice not yet created is named `new:<n>`.
 */
export const SliceOutcome = z.object({
  id: z.string(),
  state: z.enum(['unchanged', 'applied', 'rolled_back', 'failed', 'unknown']),
  message: z.string().optional(),
});
export type SliceOutcome = z.infer<typeof SliceOutcome>;

/** Whether the change was recorded in the journal; `problem` says in words what failed. */
export const JournalOutcome = z.object({ recorded: z.boolean(), problem: z.string().nullable() });
export type JournalOutcome = z.infer<typeof JournalOutcome>;

export const MutationResultDto = z.discriminatedUnion('dryRun', [
  z.object({ dryRun: z.literal(true), plan: PlanDto }),
  z.object({
    dryRun: z.literal(false),
    plan: PlanDto,
    applied: z.object({ created: z.number().int(), updated: z.number().int(), archived: z.number().int() }),
    /** The family's version after the change (null when the family no longer exists). */
    version: Version.nullable(),
    journalEntryId: z.string().nullable(),
    /** A change applied in HubSpot but not (fully) recorded in the journal says so here. */
    journal: JournalOutcome,
  }),
]);
export type MutationResultDto = z.infer<typeof MutationResultDto>;

export const SettingsDto = z.strictObject({
  editors: z.strictObject({
    /** Super admins may always edit when true. */
    superAdmins: z.boolean(),
    userIds: z.array(z.string().regex(/^\d{1,20}$/)).max(500),
    teamIds: z.array(z.string().regex(/^\d{1,20}$/)).max(200),
  }),
  defaults: z.strictObject({
    timeZone: z.string().min(1).max(64),
    /** 1 = January. */
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    /** ISO 4217 code used to display amounts. */
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),
  card: z.strictObject({
    showYearAtAGlance: z.boolean(),
    showHealth: z.boolean(),
    maxFamilies: z.number().int().min(1).max(50),
  }),
});
export type SettingsDto = z.infer<typeof SettingsDto>;

/**
 * `pending`: recorded before its first write and not finished (the invocation may still be running,
 * or died); `applied`; `rolled_back` (nothing of it holds); `needs_attention` (partly applied: see
 * `slices`). Pending and needs-attention changes can be finished or rolled back (`goal_change_resolve`).
 */
export const JournalState = z.enum(['pending', 'applied', 'rolled_back', 'needs_attention']);
export type JournalState = z.infer<typeof JournalState>;

/**
 * What the app found when it checked a stored record (settings, journal entry) against its
 * signature: `valid`, `tampered` (signed, but the content or the signature was changed outside the
 * app) or `unsigned` (no signature: written while the app had no signing secret, or by someone else).
 */
export const RecordIntegrity = z.enum(['valid', 'tampered', 'unsigned']);
export type RecordIntegrity = z.infer<typeof RecordIntegrity>;

/** How well the app's stored settings are protected, for the settings page's banners. */
export const StoreProtectionDto = z.object({
  /** The app's signing secret is set: every stored record is signed, and only signed ones are believed. */
  signing: z.boolean(),
  /** The settings record: none saved yet, or what its signature check found. */
  settingsRecord: z.enum(['none', 'valid', 'tampered', 'unsigned']),
  /** The settings record failed its check and is ignored: the defaults (super admins may edit) apply. */
  settingsIgnored: z.boolean(),
});
export type StoreProtectionDto = z.infer<typeof StoreProtectionDto>;

export const JournalEntryDto = z.object({
  id: z.string(),
  at: IsoInstant,
  /** Who made the change: a user id (names are looked up when shown; the journal stores no emails). */
  by: z.object({ userId: z.string() }),
  operation: z.string(),
  familyUuid: z.string(),
  familyName: z.string(),
  /** The family's `hs_goal_type` when the change was made (null in entries that did not record it). */
  goalType: z.string().nullable(),
  summary: z.string(),
  state: JournalState,
  /**
   * Per-slice before/after of updated properties (`before` null: the property was empty), and
   * `archived` false → true for archived slices; what undo restores.
   */
  changes: z.array(
    z.object({
      id: z.string(),
      property: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
  /** The slices this change created (undo archives exactly these). */
  createdIds: z.array(z.string()),
  undoable: z.boolean(),
  /** Why it cannot be undone, in plain words; null when it can. */
  notUndoableReason: z.string().nullable(),
  undoneBy: z.string().nullable(),
  /**
   * Whether it can be finished or rolled back (`goal_change_resolve`): pending or needs attention,
   * recorded in full, and trusted.
   */
  resolvable: z.boolean(),
  /** Each slice's state when the change needs attention; empty otherwise. */
  slices: z.array(SliceOutcome),
  /**
   * The entry's signature check. `tampered` also for a signed entry found where the app did not put
   * it (an unfinished change copied from an earlier record).
   */
  integrity: RecordIntegrity,
  /**
   * false when the entry cannot be believed (tampered, copied, or unsigned while the app signs):
   * shown with a warning; never undone, finished or rolled back, and never a goal's lock.
   */
  trusted: z.boolean(),
  /** Where the change came from: a form, or a pasted CSV import (absent in older entries: a form). */
  source: z.enum(['edit', 'csv-import']).optional(),
  /** For adding or removing an assignee: who. */
  assignee: NamedAssignee.nullable().optional(),
  /** How many targets the change created (create, copy, adding an assignee). */
  created: z.number().int().optional(),
});
export type JournalEntryDto = z.infer<typeof JournalEntryDto>;

export const Milestones = PeriodKind.options;
