/**
 * Wire types shared by the app functions and the UI. Everything here survives a JSON round-trip:
 * money travels as decimal strings, instants as ISO-8601 strings, ids as strings.
 */
import { z } from 'zod';

/** HubSpot record and owner ids are numeric strings. */
export const NumericId = z.string().regex(/^\d{1,20}$/, 'must be a numeric id string');

/** A family's shared `hs_group_correlation_uuid`. */
export const FamilyUuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');

/** An exact amount: a decimal string with at most two fraction digits, never a binary float. */
export const Money = z
  .string()
  .regex(/^-?\d{1,13}(\.\d{1,2})?$/, 'must be a decimal string such as "5000.00"');

/** A non-negative amount for targets. */
export const TargetMoney = Money.refine((s) => !s.startsWith('-'), 'must not be negative');

/** A calendar date (no time), interpreted in the family's or portal's time zone. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');

/** An instant, as HubSpot returns it. */
export const IsoInstant = z.string().datetime({ offset: true });

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Berlin"');

/**
 * Who is calling: the user id (and, for display only, the email) the UI extension reads from
 * `context.user`. App functions get no signed identity from HubSpot, so this is the browser's claim;
 * the functions never believe roles from it — they look the user up in HubSpot's users API
 * (super admin, teams) and refuse ids HubSpot does not know. Roles sent here (`isSuperAdmin`,
 * `teamIds`) are unknown keys and refused as a VALIDATION_ERROR. See docs/security.md.
 */
export const Caller = z.strictObject({
  userId: NumericId,
  email: z.string().max(254).optional(),
});
export type Caller = z.infer<typeof Caller>;

export const Portal = z.strictObject({
  id: NumericId,
  timeZone: TimeZone.default('UTC'),
});
export type Portal = z.infer<typeof Portal>;

export const Milestone = z.enum(['weekly', 'monthly', 'quarterly', 'annual']);
export type Milestone = z.infer<typeof Milestone>;

export const Assignee = z.strictObject({
  kind: z.enum(['owner', 'team']),
  /** An owner id (`hubspot_owner_id`) or a team id (`hs_assignee_team_id`). */
  id: NumericId,
});
export type Assignee = z.infer<typeof Assignee>;

/** Opaque token of what a plan was computed from; send it back to apply the plan. */
export const Version = z.string().min(1).max(128);

/** Opaque paging cursor. */
export const Cursor = z.string().min(1).max(2048);

/** Text a person typed: names and search terms. Control characters are refused. */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const GoalName = Text(200).refine((s) => s.trim().length > 0, 'must not be blank');
