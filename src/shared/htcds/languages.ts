/**
 * Languages a victim may speak (HTCDS prs_PrimaryLanguage / SecondaryLanguage):
 * the ISO 639-1 codes met among victims and migrants in Morocco, plus two
 * ISO 639-3 codes that 639-1 lacks and that matter for interpretation here.
 * Labels come from Intl.DisplayNames in the UI.
 */
export const LANGUAGE_CODES = [
  'ar', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'uk', 'tr', 'fa', 'ps', 'ku', 'ur', 'hi', 'bn', 'ne', 'si', 'ta',
  'tl', 'id', 'ms', 'vi', 'th', 'zh', 'ko', 'ja', 'am', 'ti', 'om', 'so', 'sw', 'ha', 'yo', 'ig', 'ff', 'wo', 'bm', 'tw',
  'ee', 'ln', 'kg', 'lg', 'rw', 'sn', 'zu', 'xh', 'mg', 'ro', 'bg', 'sq', 'ka', 'hy', 'az', 'uz', 'kk', 'ky', 'tg', 'he',
  // ISO 639-3: Standard Moroccan Tamazight and Moroccan Arabic (Darija).
  'zgh', 'ary',
] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];
