import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../../shared/agencies';
import { ERROR_CODES } from '../../shared/errors';
import { LOCALES } from '../../shared/locales';
import { ROLES } from '../../shared/roles';
import { CATALOGS } from './messages';

/** Every argument name a message uses, including those inside plural and select branches. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) placeholders(element.children, into);
  }
  return into;
}

function pluralCategories(elements: MessageFormatElement[]): string[][] {
  const found: string[][] = [];
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      found.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) found.push(...pluralCategories(option.value));
    }
  }
  return found;
}

const englishKeys = Object.keys(CATALOGS.en).sort();

describe('message catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s messages parse as ICU and use the same placeholders as English', (locale) => {
    for (const key of englishKeys) {
      const message = CATALOGS[locale][key]!;
      let ast: MessageFormatElement[] = [];
      expect(() => (ast = parse(message)), `${locale} ${key}`).not.toThrow();
      const expected = [...placeholders(parse(CATALOGS.en[key]!))].sort();
      expect([...placeholders(ast)].sort(), `${locale} ${key}`).toEqual(expected);
      for (const categories of pluralCategories(ast)) expect(categories, `${locale} ${key}`).toContain('other');
    }
  });

  it('Arabic plurals spell out one, two, few and many', () => {
    for (const key of englishKeys) {
      for (const categories of pluralCategories(parse(CATALOGS.ar[key]!))) {
        expect(categories, key).toEqual(expect.arrayContaining(['one', 'two', 'few', 'many', 'other']));
      }
    }
  });

  it('Arabic and French are translations, not English copies', () => {
    const arabicLetter = /[\u0600-\u06FF]/;
    for (const key of englishKeys) {
      expect(CATALOGS.ar[key], `ar ${key}`).toMatch(arabicLetter);
    }
    // Words that are spelled the same in French and English.
    const sameInFrench = ['agencies.type', 'agencyType.Gendarmerie', 'agencyType.Police', 'audit.column.action', 'audit.filter.action', 'audit.resource.notification', 'audit.resource.session', 'common.actions', 'profile.sessions', 'referral.minutes'];
    const copies = englishKeys.filter((key) => CATALOGS.fr[key] === CATALOGS.en[key]);
    expect(copies).toEqual(sameInFrench);
  });

  it('every API error code, role and agency type has a label', () => {
    const required = [
      ...ERROR_CODES.map((code) => `error.${code}`),
      ...ROLES.map((role) => `role.${role}`),
      ...AGENCY_TYPES.map((type) => `agencyType.${type}`),
    ];
    for (const locale of LOCALES) {
      const missing = required.filter((key) => !(key in CATALOGS[locale]));
      expect(missing, locale).toEqual([]);
    }
  });
});
