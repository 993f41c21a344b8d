import { describe, expect, it } from 'vitest';
import { LOCALES } from '../locales.js';
import { REGIONS, provinceNames, regionOfProvince } from './regions.js';

const provinces = REGIONS.flatMap((region) => region.provinces.map((province) => ({ ...province, region: region.code })));
// Arabic letters and the space between words; no Latin letter, digit or punctuation.
const ARABIC_WORDS = /^[\u0621-\u064A ]+$/;

describe("Morocco's prefectures and provinces", () => {
  it('are the 75 of the 2015 division, each code once', () => {
    expect(provinces).toHaveLength(75);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(75);
    for (const p of provinces) expect(p.code).toMatch(/^MA-[A-Z]{3}$/);
  });

  it.each(provinces.map((p) => [p.code, p] as const))('%s has an Arabic, a French and an English name', (_code, p) => {
    for (const locale of LOCALES) expect(p.name[locale].trim(), `${p.code} ${locale}`).not.toBe('');
    expect(p.name.ar).toMatch(ARABIC_WORDS);
    expect(p.name.fr).toMatch(/^[\p{Script=Latin}' -]+$/u);
    expect(p.name.en).toMatch(/^[A-Za-z' -]+$/);
    expect(regionOfProvince(p.code)).toBe(p.region);
    expect(provinceNames(p.code)).toEqual(p.name);
  });

  it('names regions in Arabic script too', () => {
    for (const region of REGIONS) expect(region.name.ar).toMatch(ARABIC_WORDS);
  });

  it('knows no name for a code that is not one of them', () => {
    expect(provinceNames('MA-XXX')).toBeUndefined();
  });
});
