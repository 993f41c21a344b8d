import type { Locale } from '../../../shared/locales';
import { messages as ar } from './ar';
import { messages as en } from './en';
import { messages as fr } from './fr';

/**
 * Every catalog by locale, for the tests (which hold them to the same keys and placeholders) and the
 * browser tests. The web app never imports this module: it loads one locale's catalog (catalog-loader.ts).
 */
export const CATALOGS: Record<Locale, Record<string, string>> = { ar, fr, en };
