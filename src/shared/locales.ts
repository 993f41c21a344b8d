/** UI locales. Arabic is the default for new users unless configured otherwise. */
export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Right-to-left locales; `dir` on <html> follows this. */
export const RTL_LOCALES: readonly Locale[] = ['ar'];

/** Text direction for a locale. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}
