import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale } from '@shared/locales.js';

/**
 * Names in the reader's language, for the tables named in every UI language (agencies and
 * service_providers, migration 0016): one nullable column per locale and `name`, the default.
 *
 * This is the one way a query selects such a name for a person to read: the actor carries the
 * signed-in user's language (users.locale, see http/request-context.ts), and the name is
 * `coalesce(name_<locale>, name)`, computed in the select like any column, so lists, sorts and
 * JSON aggregates stay one set-based statement.
 *
 *   tx.select({ agencyName: localizedName(agencies, actor) }).from(agencies)…   (Drizzle tables, aliases too)
 *   sql`SELECT ${localizedNameOf('ag', actor)} AS agency_name FROM agencies ag …` (raw SQL)
 */

/** The name columns of a table named in every UI language. */
export interface NamedInEveryLocale {
  name: AnyPgColumn;
  nameAr: AnyPgColumn;
  nameFr: AnyPgColumn;
  nameEn: AnyPgColumn;
}

/** Whoever the answer is for. Without a language (a demo seed, a sweep) they read the default name. */
export interface Reader {
  readonly locale?: Locale | undefined;
}

const COLUMN_OF = { ar: 'nameAr', fr: 'nameFr', en: 'nameEn' } as const satisfies Record<Locale, keyof NamedInEveryLocale>;

/** The row's name in the reader's language, or its default name when it has none in that language. */
export function localizedName(table: NamedInEveryLocale, reader: Reader): SQL<string> {
  if (!reader.locale) return sql<string>`${table.name}`;
  return sql<string>`coalesce(${table[COLUMN_OF[reader.locale]]}, ${table.name})`;
}

/** The same for a table under an alias in raw SQL (`JOIN agencies ag` → `localizedNameOf('ag', actor)`). */
export function localizedNameOf(alias: string, reader: Reader): SQL<string> {
  const table = sql.identifier(alias);
  if (!reader.locale) return sql<string>`${table}.name`;
  return sql<string>`coalesce(${table}.${sql.identifier(`name_${reader.locale}`)}, ${table}.name)`;
}

/** Every name of the row in one string: a search finds an agency or a provider by its name in any language. */
export function allNames(table: NamedInEveryLocale): SQL<string> {
  return sql<string>`concat_ws(' ', ${table.name}, ${table.nameAr}, ${table.nameFr}, ${table.nameEn})`;
}

/** A name per locale, as stored (null: none in that language). */
export interface LocaleNames {
  nameAr: string | null;
  nameFr: string | null;
  nameEn: string | null;
}

/**
 * The default name kept in `name`: the French name, else the Arabic, else the English. French
 * first because it is the Latin-script language of Morocco's administration, which readers of
 * English and of Arabic alike are most likely to read when their own name is missing. Null when
 * there is no name at all (the caller refuses that).
 */
export function defaultName(names: LocaleNames): string | null {
  return names.nameFr ?? names.nameAr ?? names.nameEn;
}

/**
 * The stored names after a change: a name absent from `changes` stays, a null one is cleared.
 * Returns the columns to write, `name` included, or null when no name would be left.
 */
export function namesAfter(current: LocaleNames, changes: Partial<LocaleNames>): (LocaleNames & { name: string }) | null {
  const next: LocaleNames = {
    nameAr: changes.nameAr === undefined ? current.nameAr : changes.nameAr,
    nameFr: changes.nameFr === undefined ? current.nameFr : changes.nameFr,
    nameEn: changes.nameEn === undefined ? current.nameEn : changes.nameEn,
  };
  const name = defaultName(next);
  return name === null ? null : { ...next, name };
}
