import { z } from 'zod';

/**
 * Edge-safe field types. Every date and every string a request carries goes
 * through one of these, so a value the database would refuse (an impossible
 * day, a year PostgreSQL has no calendar for, a NUL byte) is a 400 naming the
 * field, never a 500 and never stored. `input-schemas.test.ts` walks every
 * route's schemas to prove no field was left out.
 */

/** Dates outside these years are typing mistakes in this domain (births, events, plans), not facts. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** The largest value a PostgreSQL integer column holds: a bigger number sent would fail in the database. */
export const INT4_MAX = 2_147_483_647;

/** The version of a record the client read (stale → 409): a whole number an integer column can hold; 0 for "none yet" where allowed. */
export function version(min: 0 | 1 = 1) {
  return z.number().int().min(min).max(INT4_MAX);
}

/** Reasons our own checks give, besides zod's codes (catalog: `validation.<reason>`). */
export const FIELD_REASONS = ['invalid_date', 'date_out_of_range', 'invalid_character'] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Control characters (C0, DEL, C1) and the Unicode line separators: never part of a one-line value.
// eslint-disable-next-line no-control-regex
const LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Free text keeps its tabs and line breaks, nothing else below the space.
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Half of a surrogate pair cannot be encoded as UTF-8: the driver would silently replace it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a YYYY-MM-DD string is not a usable day, or null when it is one (the shape is checked elsewhere). */
export function dayProblem(value: string): 'invalid_date' | 'date_out_of_range' | null {
  const parts = DAY.exec(value);
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const daysInMonth = month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day < 1 || day > daysInMonth) return 'invalid_date';
  return year < MIN_YEAR || year > MAX_YEAR ? 'date_out_of_range' : null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when a stored value is a day the edge would accept (presenters show anything else as null). */
export function isUsableDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && DAY.test(value) && dayProblem(value) === null;
}

/** The reason for a malformed date whose day does not exist, for zod's format error (else zod's own message). */
function dayError(issue: { input?: unknown }): string | undefined {
  return typeof issue.input === 'string' ? (dayProblem(issue.input.slice(0, 10)) ?? undefined) : undefined;
}

/** Adds `date_out_of_range` to a well-formed date or instant whose year lies outside MIN_YEAR–MAX_YEAR. */
function withinYears(value: string, ctx: z.RefinementCtx): void {
  const year = Number(value.slice(0, 4));
  const utcYear = new Date(Date.parse(value)).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR || utcYear < MIN_YEAR || utcYear > MAX_YEAR) ctx.addIssue({ code: 'custom', message: 'date_out_of_range', input: value });
}

/** A calendar day, YYYY-MM-DD, that exists and lies between MIN_YEAR and MAX_YEAR. */
export const isoDate = z.iso.date({ error: dayError }).superRefine((value, ctx) => {
  if (dayProblem(value) === 'date_out_of_range') ctx.addIssue({ code: 'custom', message: 'date_out_of_range', input: value });
});

/** An instant with its offset (ISO 8601), on a day that exists, between MIN_YEAR and MAX_YEAR. */
export const isoDateTime = z.iso.datetime({ offset: true, error: dayError }).superRefine((value, ctx) => {
  if (Number.isFinite(Date.parse(value)) && dayProblem(value.slice(0, 10)) !== 'invalid_date') withinYears(value, ctx);
});

function refuse(forbidden: RegExp) {
  return (value: string, ctx: z.RefinementCtx) => {
    if (forbidden.test(value) || LONE_SURROGATE.test(value)) ctx.addIssue({ code: 'custom', message: 'invalid_character', input: value });
  };
}

/** One line (a name, a place, a number as typed): trimmed, `min`–`max` characters, no control character. */
export function line(max: number, min = 0) {
  const base = z.string().trim().max(max);
  return (min > 0 ? base.min(min) : base).superRefine(refuse(LINE_FORBIDDEN));
}

/** Free text (a narrative, a note): trimmed, `min`–`max` characters, tabs and line breaks but no other control character. */
export function text(max: number, min = 0) {
  const base = z.string().trim().max(max);
  return (min > 0 ? base.min(min) : base).superRefine(refuse(TEXT_FORBIDDEN));
}

/** A secret as typed (a password): kept exactly, but never a NUL byte or broken Unicode. */
export function secret(max: number, min = 1) {
  // eslint-disable-next-line no-control-regex -- the NUL byte is exactly what must be refused
  return z.string().min(min).max(max).superRefine(refuse(/\u0000/));
}

/**
 * The machine-readable reason of a zod issue: our own checks name theirs in
 * the message (snake_case, e.g. `invalid_date`), anything else is zod's code.
 */
export function issueReason(issue: { code?: string; message?: string }): string {
  const code = issue.code ?? 'invalid';
  const message = issue.message ?? '';
  if ((FIELD_REASONS as readonly string[]).includes(message)) return message;
  return code === 'custom' && /^[a-z][a-z0-9_]*$/.test(message) ? message : code;
}
