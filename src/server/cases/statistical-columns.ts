import type { PersonInput } from '@shared/api/cases.js';
import { isUsableDay, MAX_YEAR, MIN_YEAR } from '@shared/api/fields.js';
import { ctdcAgeBand, type CtdcAgeBand } from '@shared/htcds/age-bands.js';
import { AGE_OF_MAJORITY } from '@shared/htcds/person.js';
import type { TraffickingStatus } from '@shared/htcds/victim.js';

/**
 * The plaintext columns the national figures count on, derived from the
 * identity while it is still plaintext (when a case is written), because the
 * birth date and year themselves are only ever stored encrypted.
 */
export interface StatisticalColumns {
  /** CTDC `ageBroad` band of the age on the day the case was opened. */
  ageBand: CtdcAgeBand | null;
  /** Under 18 on the day the case was opened; null when the age is unknown. */
  isMinor: boolean | null;
  /** The year the trafficking status first became presumed or identified; null while it is neither. */
  identificationYear: number | null;
}

/** Statuses under which a person counts as an identified victim in the national figures. */
export const IDENTIFIED_STATUSES: readonly TraffickingStatus[] = ['presumed', 'identified'];

const OLDEST_AGE = 120;

function isIdentified(status: string): boolean {
  return (IDENTIFIED_STATUSES as readonly string[]).includes(status);
}

function usableYear(year: number | null | undefined): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Age in whole years on `day` (YYYY-MM-DD): exact from a full date of birth,
 * else the year difference (the age reached during that year, the convention
 * when only a year is known). Null when unknown or not plausible, such as a
 * birth after the day or a value stored before the edge refused it.
 */
export function ageOn(day: string, birth: Pick<PersonInput, 'birthDate' | 'birthYear'>): number | null {
  const year = Number(day.slice(0, 4));
  let age: number | null = null;
  if (isUsableDay(birth.birthDate)) {
    const birthdayPassed = day.slice(5) >= birth.birthDate.slice(5);
    age = year - Number(birth.birthDate.slice(0, 4)) - (birthdayPassed ? 0 : 1);
  } else if (usableYear(birth.birthYear)) {
    age = year - birth.birthYear;
  }
  return age !== null && age >= 0 && age <= OLDEST_AGE ? age : null;
}

/** The age band and minority of a person on the day their case was opened. */
export function ageColumnsOf(birth: Pick<PersonInput, 'birthDate' | 'birthYear'>, openedAt: string): Pick<StatisticalColumns, 'ageBand' | 'isMinor'> {
  const age = ageOn(openedAt, birth);
  return age === null ? { ageBand: null, isMinor: null } : { ageBand: ctdcAgeBand(age), isMinor: age < AGE_OF_MAJORITY };
}

/** What the write knows about the trafficking status. */
export interface StatusWrite {
  /** The status after the write. */
  status: TraffickingStatus;
  /** A decision date given in this same write, if any. */
  decidedAt: string | null | undefined;
  /** The day of the write: the opening date for a new case, today for a change. */
  writtenOn: string;
  /** The case as stored, when changing one. */
  stored?: { traffickingStatus: string; identificationYear: number | null; statusDecidedAt: string | null; openedAt: string };
}

function yearOf(day: string): number | null {
  const year = Number(day.slice(0, 4));
  return usableYear(year) ? year : null;
}

/**
 * The identification year after a write. It is fixed when the status first
 * becomes presumed or identified (the decision date sent with that change,
 * else the day of the change) and kept while the status stays so, including
 * from presumed to identified; it is cleared when the status leaves both.
 * A case stored before the column existed gets its best estimate: the stored
 * decision date, else the opening date.
 */
export function identificationYearOf(write: StatusWrite): number | null {
  if (!isIdentified(write.status)) return null;
  const { stored } = write;
  if (stored && isIdentified(stored.traffickingStatus)) {
    if (stored.identificationYear !== null) return stored.identificationYear;
    return yearOf(write.decidedAt ?? stored.statusDecidedAt ?? stored.openedAt);
  }
  return yearOf(write.decidedAt ?? write.writtenOn);
}

/** Every statistical column of a case, from the plaintext identity and the status write. */
export function statisticalColumnsOf(birth: Pick<PersonInput, 'birthDate' | 'birthYear'>, openedAt: string, write: StatusWrite): StatisticalColumns {
  return { ...ageColumnsOf(birth, openedAt), identificationYear: identificationYearOf(write) };
}
