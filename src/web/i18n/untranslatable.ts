import type { Locale } from '../../shared/locales';

/**
 * The only user-visible strings that are not in the catalogs: the brand and each
 * language's name written in that language. The hard-coded-strings test allows
 * exactly these.
 */
export const BRAND_NAME = 'Sanad / سند';

/** Each locale's name in its own language, so a reader can always find theirs. */
export const LOCALE_SELF_NAMES: Record<Locale, string> = {
  ar: 'العربية',
  fr: 'Français',
  en: 'English',
};

export const UNTRANSLATABLE_STRINGS: readonly string[] = [BRAND_NAME, ...Object.values(LOCALE_SELF_NAMES)];
