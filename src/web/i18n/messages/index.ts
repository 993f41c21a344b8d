import type { Locale } from '../../../shared/locales';
import { messages as ar } from './ar';
import { messages as en } from './en';
import { messages as fr } from './fr';

/** Every catalog by locale; the tests hold them to the same keys and placeholders. */
export const CATALOGS: Record<Locale, Record<string, string>> = { ar, fr, en };

/** The catalog for a locale. */
export function messagesFor(locale: Locale): Record<string, string> {
  return CATALOGS[locale];
}
