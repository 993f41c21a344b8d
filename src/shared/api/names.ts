import { z } from 'zod';
import { LOCALES, type Locale } from '../locales.js';
import { line } from './fields.js';

/**
 * Agencies and service providers are named in each UI language. Requests and answers carry
 * one field per language (null: no name in that language); answers add `name`, the name in the
 * reader's language or else the default name.
 */
export const NAME_FIELDS = { ar: 'nameAr', fr: 'nameFr', en: 'nameEn' } as const satisfies Record<Locale, string>;
export type NameField = (typeof NAME_FIELDS)[Locale];

const oneName = line(200, 2).nullable().optional();

/** The three name fields of a request body: each optional, null clears it. */
export const localeNameFields = { nameAr: oneName, nameFr: oneName, nameEn: oneName };

/** The three names of an answer, as stored. */
export const localeNames = { nameAr: z.string().nullable(), nameFr: z.string().nullable(), nameEn: z.string().nullable() };

/** True when at least one language has a name. */
export function hasSomeName(names: Partial<Record<NameField, string | null | undefined>>): boolean {
  return LOCALES.some((locale) => Boolean(names[NAME_FIELDS[locale]]));
}

/** A refinement for a body that must name the record in at least one language (reported on the Arabic field, the first). */
export function someName(body: Partial<Record<NameField, string | null | undefined>>, ctx: z.RefinementCtx): void {
  if (!hasSomeName(body)) ctx.addIssue({ code: 'custom', path: [NAME_FIELDS.ar], message: 'required' });
}
