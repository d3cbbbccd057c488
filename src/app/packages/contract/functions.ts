/**
 * The contract between the UI and the app functions: for every function uid, the parameters it
 * accepts (validated strictly: unknown keys are a VALIDATION_ERROR) and what a success carries.
 * `docs/functions.md` is generated from this file.
 */
import { z } from 'zod';
import {
  Assignee,
  Caller,
  Cursor,
  FamilyUuid,
  GoalName,
  IsoDate,
  IsoInstant,
  Milestone,
  Money,
  NumericId,
  Portal,
  TargetMoney,
  Text,
  TimeZone,
  Version,
} from './common';
import { MAX_SLICES_PER_INVOCATION } from './constants';
import {
  FamilyDto,
  FamilySummaryDto,
  FindingDto,
  JournalEntryDto,
  MutationResultDto,
  RecordIntegrity,
  SettingsDto,
  StoreProtectionDto,
} from './dto';

const base = { caller: Caller, portal: Portal };

/** Mutations preview with `dryRun: true`; applying needs the `version` the preview returned. */
const mutation = {
  ...base,
  dryRun: z.boolean().default(false),
  /** Required when `dryRun` is false: the plan's `version`; a family changed since then is a CONFLICT. */
  version: Version.optional(),
};

/**
 * F17: ask HubSpot to notify the assignees whose targets an edit writes
 * (`hs_should_notify_on_edit_updates` on those targets). Off unless the user asks.
 */
const Notify = z.boolean().default(false);

const requireVersionToApply = <T extends { dryRun: boolean; version?: string | undefined }>(
  p: T,
  ctx: z.RefinementCtx,
) => {
  if (!p.dryRun && p.version === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['version'],
      message: 'is required to apply a change (preview with dryRun first)',
    });
  }
};

const PipelineIds = z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(50);
const GoalType = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a goal type such as "sales_quota"');

/** The most periods one family may have: five years of weeks. */
export const MAX_PERIODS = 265;

/** How an amount is spread over periods (F6). Weights are small non-negative integers (seasonality). */
export const Spread = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('even'), total: TargetMoney }),
  z.strictObject({
    mode: z.literal('weighted'),
    total: TargetMoney,
    weights: z.array(z.number().int().min(0).max(1_000_000)).min(1).max(MAX_PERIODS),
  }),
  z.strictObject({ mode: z.literal('explicit'), amounts: z.array(TargetMoney).min(1).max(MAX_PERIODS) }),
]);
export type Spread = z.infer<typeof Spread>;

export const FamilyFilter = z.strictObject({
  ownerId: NumericId.optional(),
  teamId: NumericId.optional(),
  text: Text(100).optional(),
  goalType: GoalType.optional(),
  milestone: Milestone.optional(),
  /** Families with a period overlapping [from, to]. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  health: z.enum(['healthy', 'broken']).optional(),
});
/** What the UI passes as a filter (its input shape: the UI never imports zod itself). */
export type FamilyFilter = z.input<typeof FamilyFilter>;

/** One family as seen by one `goal_families_index` call (partial when the family straddles calls). */
export const FamilyIndexEntry = z.object({
  uuid: z.string(),
  name: z.string(),
  goalType: z.string(),
  milestone: z.string(),
  /** `hubspot_owner_id` values of the slices seen (the owner filter's key). */
  ownerIds: z.array(z.string()),
  /** `hs_assignee_team_id` values of the slices seen. */
  teamIds: z.array(z.string()),
  sliceCount: z.number().int(),
  periodStart: IsoInstant.nullable(),
  periodEnd: IsoInstant.nullable(),
  /**
   * From the stored index only: the health check's verdict on the family (as `healthy` and
   * `findingCount` of a summary) and when it was computed.
   */
  health: z
    .object({ healthy: z.boolean(), findingCount: z.number().int(), checkedAt: IsoInstant })
    .optional(),
});
export type FamilyIndexEntry = z.infer<typeof FamilyIndexEntry>;

/**
 * The app settings as the UI gets them: what they say, what the caller may do (looked up in HubSpot's
 * users API), the version a save must send back, and how the stored settings are protected.
 */
export const AppSettingsView = z.object({
  /** The settings in force: the defaults when none are saved or the saved ones failed their check. */
  settings: SettingsDto,
  /** May change goals. */
  canEdit: z.boolean(),
  /** May save the settings: super admins always (no setting can lock them out), and editors. */
  canEditSettings: z.boolean(),
  /** May change who may edit goals: super admins only. */
  canChangeEditors: z.boolean(),
  /** Send it back to `app_settings_save`; null when no settings record exists yet. */
  version: z.string().nullable(),
  protection: StoreProtectionDto,
});
export type AppSettingsView = z.infer<typeof AppSettingsView>;

export const functionContracts = {
  goal_families_list: {
    summary:
      'Families (summaries) filtered by owner, team, name text, type, period and health; cursor paging. Or, with `uuids`, exactly those families (the admin panel pages its index).',
    params: z
      .strictObject({
        ...base,
        filter: FamilyFilter.default({}),
        /** `slices` adds every slice to each group. */
        detail: z.enum(['summary', 'slices']).default('summary'),
        /**
         * `card`: the sidebar card's first paint in one call. Adds `app` (the settings, as
         * `app_settings_get` returns them) and returns at most `settings.card.maxFamilies` of the
         * families of the filter's owner or team (`total` counts them all), each with the slices of
         * that assignee's own group (the year at a glance) and no other group's. `detail` is not used.
         */
        view: z.enum(['list', 'card']).default('list'),
        limit: z.number().int().min(1).max(100).default(25),
        cursor: Cursor.optional(),
        /**
         * Exactly these families' summaries, in this order (the admin panel's page of its local index):
         * no scan of the portal. `filter` must be empty then; `total` is the number found.
         */
        uuids: z.array(FamilyUuid).min(1).max(100).optional(),
        /**
         * With `uuids`: the `budget` the last `goal_families_index` call returned, the calls it made that
         * are still inside HubSpot's rate windows, so that this call waits its turn instead of meeting a 429.
         */
        budget: Cursor.optional(),
      })
      .superRefine((p, ctx) => {
        if (p.uuids !== undefined && Object.keys(p.filter).length > 0) {
          ctx.addIssue({ code: 'custom', path: ['filter'], message: 'must be empty when uuids is given' });
        }
        if (p.uuids === undefined && p.budget !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['budget'], message: 'is used only with uuids' });
        }
        if (p.uuids !== undefined && p.cursor !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'is not used when uuids is given' });
        }
        if (p.view === 'card') {
          if (!p.filter.ownerId && !p.filter.teamId) {
            ctx.addIssue({
              code: 'custom',
              path: ['filter'],
              message: 'needs an ownerId or a teamId for the card',
            });
          }
          if (p.uuids !== undefined || p.cursor !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['view'],
              message: 'the card view takes neither uuids nor a cursor',
            });
          }
        }
      }),
    result: z.object({
      families: z.array(FamilySummaryDto),
      nextCursor: z.string().nullable(),
      total: z.number().int(),
      /** With `view: 'card'`: the app settings, so that the card paints from this one call. */
      app: AppSettingsView.optional(),
    }),
  },
  goal_families_index: {
    summary:
      "The family index of the portal (name, type, milestone, owners, teams, slice count, period), one bounded scan per call; pass nextCursor back until it is null and merge the entries by uuid. Or, with `source: store`, the index the health check keeps in the app's store, in one call (`refresh`: brought up to date first from the targets changed since).",
    params: z
      .strictObject({
        ...base,
        cursor: Cursor.optional(),
        /**
         * `scan` (default): read the portal, in bounded calls. `store`: the stored index whole, in one
         * call, with every family's stored health (`stored` null when there is none yet: scan then).
         */
        source: z.enum(['scan', 'store']).default('scan'),
        /** With `source: store`: first update the stored index from the targets changed since it was fresh. */
        refresh: z.boolean().default(false),
      })
      .superRefine((p, ctx) => {
        if (p.source === 'store' && p.cursor !== undefined)
          ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'is not used with source store' });
        if (p.source === 'scan' && p.refresh)
          ctx.addIssue({ code: 'custom', path: ['refresh'], message: 'needs source store' });
      }),
    result: z.object({
      /**
       * What this call saw of each family. A family straddling calls appears in several responses:
       * merge by uuid (union of ids, sum of sliceCount, min start, max end, the name/type/milestone
       * of the entry with more slices).
       */
      entries: z.array(FamilyIndexEntry),
      nextCursor: z.string().nullable(),
      /** Rough progress 0..1 for a progress bar. */
      progress: z.number().min(0).max(1),
      /** Running total: targets examined by this call and every call before it. */
      scannedTargets: z.number().int(),
      /**
       * This call's share of HubSpot's rate windows (opaque): pass it as `budget` to the call that
       * follows the scan (`goal_families_list` with `uuids`). The cursor carries it between scan calls.
       */
      budget: z.string(),
      /**
       * With `source: store`: when the index was built (by a full health check) and the instant up to
       * which it is known to hold every change (`freshAt`); null when there is no usable index.
       */
      stored: z.object({ builtAt: IsoInstant, freshAt: IsoInstant }).nullable().optional(),
    }),
  },
  goal_family_get: {
    summary: 'One family in full: target groups, slices, progress, health findings and version.',
    params: z.strictObject({ ...base, uuid: FamilyUuid }),
    result: z.object({ family: FamilyDto }),
  },
  goal_family_create: {
    summary:
      'Create a family for many assignees × periods (F5) with a spread per assignee (F6). Retry-safe with a client-chosen uuid.',
    params: z
      .strictObject({
        ...base,
        dryRun: z.boolean().default(false),
        /** Choose it on the client and reuse it on retry: only missing slices are created. */
        uuid: FamilyUuid.optional(),
        name: GoalName,
        goalType: GoalType.default('sales_quota'),
        milestone: Milestone,
        /** First day of the first period, e.g. the fiscal year start. */
        startDate: IsoDate,
        /**
         * Whole milestone years of periods, as HubSpot's goals guide requires (12 per year monthly,
         * 4 quarterly, 1 annual, 52 or 53 weekly); anything else is a VALIDATION_ERROR (reason
         * PARTIAL_YEARS). For a goal covering part of a year, keep whole years and give `partialYear`.
         */
        periodCount: z.number().int().min(1).max(MAX_PERIODS),
        /**
         * Partial years, named: the periods outside [from, until] are created with a target of 0.00
         * (HubSpot still sees whole years, and the health check accepts them); the spread covers the
         * periods in between, one weight or amount per such period.
         */
        partialYear: z.strictObject({ from: IsoDate, until: IsoDate.optional() }).optional(),
        /** The zone whose midnights the periods start on. Default: the app settings' default time zone. */
        timeZone: TimeZone.optional(),
        /** For weekly: 0 = Sunday … 6 = Saturday. */
        weekStart: z.number().int().min(0).max(6).default(1),
        assignees: z.array(Assignee).min(1).max(500),
        /** The same spread for every assignee; or give `amountsByAssignee` instead. */
        spread: Spread.optional(),
        /** Different targets per assignee: for each assignee, one amount per period. */
        amountsByAssignee: z
          .array(
            z.strictObject({ assignee: Assignee, amounts: z.array(TargetMoney).min(1).max(MAX_PERIODS) }),
          )
          .min(1)
          .max(500)
          .optional(),
        pipelineIds: PipelineIds.default([]),
      })
      .superRefine((p, ctx) => {
        if ((p.spread === undefined) === (p.amountsByAssignee === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: ['spread'],
            message: 'give either spread or amountsByAssignee',
          });
        }
        if (p.amountsByAssignee) {
          const key = (a: { kind: string; id: string }) => `${a.kind}:${a.id}`;
          const given = new Set(p.amountsByAssignee.map((r) => key(r.assignee)));
          if (
            given.size !== p.amountsByAssignee.length ||
            p.assignees.some((a) => !given.has(key(a))) ||
            given.size !== p.assignees.length
          ) {
            ctx.addIssue({
              code: 'custom',
              path: ['amountsByAssignee'],
              message: 'needs exactly one row per assignee',
            });
          }
        }
        // With a partial year the domain counts the periods it covers (and checks these lengths).
        if (p.partialYear) return;
        if (p.amountsByAssignee?.some((r) => r.amounts.length !== p.periodCount)) {
          ctx.addIssue({
            code: 'custom',
            path: ['amountsByAssignee'],
            message: 'needs one amount per period in every row',
          });
        }
        if (p.spread?.mode === 'weighted' && p.spread.weights.length !== p.periodCount) {
          ctx.addIssue({
            code: 'custom',
            path: ['spread', 'weights'],
            message: 'needs one weight per period',
          });
        }
        if (p.spread?.mode === 'explicit' && p.spread.amounts.length !== p.periodCount) {
          ctx.addIssue({
            code: 'custom',
            path: ['spread', 'amounts'],
            message: 'needs one amount per period',
          });
        }
      })
      .superRefine((p, ctx) => {
        if (p.assignees.length * p.periodCount > MAX_SLICES_PER_INVOCATION) {
          ctx.addIssue({
            code: 'custom',
            path: ['assignees'],
            message: `at most ${MAX_SLICES_PER_INVOCATION.toLocaleString('en-US')} slices (assignees × periods) per family: split it into several families, e.g. one per team or per year`,
          });
        }
      }),
    result: MutationResultDto.and(z.object({ uuid: FamilyUuid })),
  },
  goal_family_update: {
    summary: 'Family-wide edit (F3) and re-spread (F6) as one plan applied to every slice or none.',
    params: z
      .strictObject({
        ...mutation,
        uuid: FamilyUuid,
        changes: z
          .strictObject({
            name: GoalName.optional(),
            goalType: GoalType.optional(),
            pipelineIds: PipelineIds.optional(),
          })
          .default({}),
        /** Re-spread what remains: periods starting on or after `from` share `total` minus the earlier periods. */
        respread: z
          .strictObject({
            /** Limit to one assignee's group; all groups when absent. */
            groupId: NumericId.optional(),
            from: IsoDate,
            spread: Spread,
          })
          .optional(),
        notify: Notify,
        /** Where the change comes from, for the activity list: a form, or a pasted CSV import. */
        source: z.enum(['edit', 'csv-import']).default('edit'),
      })
      .superRefine(requireVersionToApply)
      .superRefine((p, ctx) => {
        if (Object.keys(p.changes).length === 0 && !p.respread) {
          ctx.addIssue({ code: 'custom', path: ['changes'], message: 'nothing to change' });
        }
      }),
    result: MutationResultDto,
  },
  goal_target_update: {
    summary:
      "One slice (F4): its amount and/or hs_kpi_value override; warns when the family's total changes.",
    params: z
      .strictObject({
        ...mutation,
        uuid: FamilyUuid,
        targetId: NumericId,
        targetAmount: TargetMoney.optional(),
        kpiValue: Money.optional(),
        notify: Notify,
      })
      .superRefine(requireVersionToApply)
      .superRefine((p, ctx) => {
        if (p.targetAmount === undefined && p.kpiValue === undefined) {
          ctx.addIssue({ code: 'custom', path: ['targetAmount'], message: 'give targetAmount or kpiValue' });
        }
      }),
    result: MutationResultDto,
  },
  goal_family_archive: {
    summary: 'Archive every slice of a family (F7).',
    params: z.strictObject({ ...mutation, uuid: FamilyUuid }).superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  goal_target_archive: {
    summary: "Archive one slice (F7); the plan warns that the family's totals change.",
    params: z
      .strictObject({ ...mutation, uuid: FamilyUuid, targetId: NumericId })
      .superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  goal_assignee_add: {
    summary:
      "Add an assignee to an existing goal (F16): a new target group with the family's uuid, periods (in the family's own zone and end style) and family-defining properties; preview with dryRun.",
    params: z
      .strictObject({
        ...mutation,
        uuid: FamilyUuid,
        assignee: Assignee,
        /** Spread over the family's periods, in order (explicit: one amount per period). */
        spread: Spread,
        notify: Notify,
      })
      .superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  goal_assignee_remove: {
    summary:
      'Remove an assignee from a goal (F16): archive every target of that assignee; preview with dryRun. The last assignee cannot be removed (archive the goal instead).',
    params: z
      .strictObject({ ...mutation, uuid: FamilyUuid, assignee: Assignee })
      .superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  goal_families_audit: {
    summary:
      'Health check (F8): one bounded page of the portal per call; pass nextCursor back until it is null.',
    params: z.strictObject({ ...base, cursor: Cursor.optional() }),
    result: z.object({
      findings: z.array(FindingDto),
      /**
       * Changes that did not finish (pending or needing attention) for the families of this page, and
       * on the first page the newest ones of the journal: finish or roll back with `goal_change_resolve`.
       */
      unfinished: z.array(JournalEntryDto),
      /** Running totals: families and targets examined by this page and every page before it. */
      scannedFamilies: z.number().int(),
      scannedTargets: z.number().int(),
      nextCursor: z.string().nullable(),
      /** Rough progress 0..1 for a progress bar. */
      progress: z.number().min(0).max(1),
    }),
  },
  goal_family_repair: {
    summary:
      "Repair one finding (F9) through batch update; preview with dryRun. Answers with the family's findings as they are after it (a finding already gone: NOT_FOUND, reason FINDING_GONE, with the fresh findings).",
    params: z
      .strictObject({ ...mutation, uuid: FamilyUuid, findingId: z.string().min(1).max(300) })
      .superRefine(requireVersionToApply),
    /** `findings`: the family's findings now (preview: before the repair; apply: after it). */
    result: MutationResultDto.and(z.object({ findings: z.array(FindingDto) })),
  },
  goal_family_clone: {
    summary: 'Copy a family to a later period (F10) with a new uuid; amounts kept or scaled.',
    params: z.strictObject({
      ...base,
      dryRun: z.boolean().default(false),
      uuid: FamilyUuid,
      /** Client-chosen uuid of the copy; reuse it on retry. */
      newUuid: FamilyUuid.optional(),
      /** Whole years to shift by (default 1: next year). */
      shiftYears: z.number().int().min(1).max(10).default(1),
      /** Multiply every amount, e.g. "1.10" for +10%; rounded half-up to the cent. */
      scale: z
        .string()
        .regex(/^\d{1,4}(\.\d{1,4})?$/)
        .default('1'),
      name: GoalName.optional(),
    }),
    result: MutationResultDto.and(z.object({ uuid: FamilyUuid })),
  },
  goal_journal_list: {
    summary: 'The change journal (F12), newest first, optionally for one family and/or one user.',
    params: z.strictObject({
      ...base,
      familyUuid: FamilyUuid.optional(),
      /** Only changes made by this HubSpot user (the `context.user.id` they were made with). */
      userId: NumericId.optional(),
      limit: z.number().int().min(1).max(100).default(25),
      cursor: Cursor.optional(),
    }),
    result: z.object({ entries: z.array(JournalEntryDto), nextCursor: z.string().nullable() }),
  },
  goal_change_undo: {
    summary:
      'Undo the newest change of a family (F12), through the same safe-write protocol: restores updated values (clearing those that were empty), archives the slices it created, re-creates those it archived.',
    params: z
      .strictObject({ ...mutation, entryId: z.string().min(1).max(100) })
      .superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  goal_change_resolve: {
    summary:
      'Finish or roll back a change that did not finish (pending or needing attention), previewed like every repair; the journal entry is closed when done.',
    params: z
      .strictObject({
        ...mutation,
        entryId: z.string().min(1).max(100),
        /** `finish`: write what the change did not write yet; `roll_back`: bring back what it changed. */
        action: z.enum(['finish', 'roll_back']),
      })
      .superRefine(requireVersionToApply),
    result: MutationResultDto,
  },
  owners_and_teams_list: {
    summary: 'Owners and teams of the portal, for assignee and editor pickers (added for the UI).',
    params: z.strictObject({ ...base, text: Text(100).optional() }),
    result: z.object({
      owners: z.array(
        z.object({
          /** Owner id (`hubspot_owner_id`). */
          id: z.string(),
          /** The owner's user id (`context.user.id`, editors' `userIds`); null for owners without a user. */
          userId: z.string().nullable(),
          name: z.string(),
          email: z.string().nullable(),
          teamIds: z.array(z.string()).default([]),
        }),
      ),
      teams: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  },
  goal_property_options: {
    summary:
      "Options for the create form: hs_goal_type and hs_milestone options from HubSpot's goal_targets property definitions, and deal pipelines (added for the UI).",
    params: z.strictObject(base),
    result: z.object({
      goalTypes: z.array(z.object({ value: z.string(), label: z.string() })),
      milestones: z.array(z.object({ value: z.string(), label: z.string() })),
      pipelines: z.array(z.object({ id: z.string(), label: z.string() })),
      /** The portal's currencies (ISO 4217): its company currency first, then the others it uses. */
      currencies: z.array(z.object({ code: z.string(), company: z.boolean() })).optional(),
    }),
  },
  app_settings_get: {
    summary:
      "The app settings (F11), with what the caller may do (looked up in HubSpot's users API) and how the stored settings are protected.",
    params: z.strictObject(base),
    result: AppSettingsView,
  },
  app_settings_save: {
    summary:
      'Save the app settings (F11) in place, with the version read; super admins and editors only, and only super admins may change who may edit.',
    params: z.strictObject({
      ...base,
      settings: SettingsDto,
      /**
       * Required: the `version` `app_settings_get` returned. `null` says "there is no settings record
       * yet" (the first save); when one exists by then, the save is a CONFLICT, as is any other stale version.
       */
      version: Version.nullable(),
    }),
    result: z.object({ settings: SettingsDto, version: z.string() }),
  },
  app_store_check: {
    summary:
      "Health check of the app's own stored records: the settings record and every journal entry checked against its signature; one bounded page per call, pass nextCursor back until it is null.",
    params: z.strictObject({ ...base, cursor: Cursor.optional() }),
    result: z.object({
      protection: StoreProtectionDto,
      /** Journal entries checked by this call and every call before it. */
      checkedEntries: z.number().int(),
      /** Entries of this call that cannot be believed: undo ignores them. */
      untrusted: z.array(
        z.object({
          id: z.string(),
          integrity: RecordIntegrity,
          /** When the record says it was made (it may be forged too). */
          at: IsoInstant.nullable(),
          familyUuid: z.string(),
          /** The goal's name as the record states it, if readable. */
          familyName: z.string().nullable(),
        }),
      ),
      nextCursor: z.string().nullable(),
    }),
  },
} as const;

export type FunctionUid = keyof typeof functionContracts;
export type ParamsInput<U extends FunctionUid> = z.input<(typeof functionContracts)[U]['params']>;
export type Params<U extends FunctionUid> = z.output<(typeof functionContracts)[U]['params']>;
export type SuccessOf<U extends FunctionUid> = z.infer<(typeof functionContracts)[U]['result']>;
export const functionUids = Object.keys(functionContracts) as FunctionUid[];

/** What `hubspot.serverless(uid, …)` resolves to for each function. */
export type FunctionResult<U extends FunctionUid> =
  | ({ ok: true } & SuccessOf<U>)
  | { ok: false; error: import('./result').AppError };
