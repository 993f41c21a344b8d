/**
 * Morocco's 12 regions (ISO 3166-2:MA codes, stable across relabelling) and
 * their provinces and prefectures (ISO 3166-2:MA three-letter codes). Other
 * modules store these codes; labels are shown in the reader's language.
 * Another country replaces this file with its own subdivisions.
 */
/** The 12 region codes (ISO 3166-2:MA). */
export const REGION_CODES = ['MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

/** A name in each UI language. */
export type Names = { ar: string; fr: string; en: string };

export interface Province {
  code: string;
  /** As Moroccan official sources spell it, without the "Préfecture de" / "Province de" (عمالة / إقليم) prefix. */
  name: Names;
}

export interface Region {
  code: RegionCode;
  name: Names;
  provinces: readonly Province[];
}

/** The French spelling without its accents: the English name, unless English usually says otherwise (Fez, Tangier). */
function unaccented(french: string): string {
  return french.normalize('NFD').replace(/\p{M}/gu, '');
}

/** One province or prefecture: three-letter code, Arabic name, French name, and its English name where it is not the unaccented French. */
function province(code: string, ar: string, fr: string, en = unaccented(fr)): Province {
  return { code: `MA-${code}`, name: { ar, fr, en } };
}

export const REGIONS: readonly Region[] = [
  {
    code: 'MA-01',
    name: { ar: 'طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima' },
    provinces: [
      province('TNG', 'طنجة أصيلة', 'Tanger-Assilah', 'Tangier-Assilah'),
      province('TET', 'تطوان', 'Tétouan'),
      province('MDF', 'المضيق الفنيدق', "M'diq-Fnideq"),
      province('LAR', 'العرائش', 'Larache'),
      province('CHE', 'شفشاون', 'Chefchaouen'),
      province('HOC', 'الحسيمة', 'Al Hoceïma'),
      province('OUZ', 'وزان', 'Ouezzane'),
      province('FAH', 'الفحص أنجرة', 'Fahs-Anjra'),
    ],
  },
  {
    code: 'MA-02',
    name: { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental' },
    provinces: [
      province('OUJ', 'وجدة أنجاد', 'Oujda-Angad'),
      province('NAD', 'الناظور', 'Nador'),
      province('BER', 'بركان', 'Berkane'),
      province('DRI', 'الدريوش', 'Driouch'),
      province('JRA', 'جرادة', 'Jerada'),
      province('TAI', 'تاوريرت', 'Taourirt'),
      province('FIG', 'فجيج', 'Figuig'),
      province('GUF', 'جرسيف', 'Guercif'),
    ],
  },
  {
    code: 'MA-03',
    name: { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' },
    provinces: [
      province('FES', 'فاس', 'Fès', 'Fez'),
      province('MEK', 'مكناس', 'Meknès'),
      province('TAO', 'تاونات', 'Taounate'),
      province('TAZ', 'تازة', 'Taza'),
      province('IFR', 'إفران', 'Ifrane'),
      province('SEF', 'صفرو', 'Sefrou'),
      province('BOM', 'بولمان', 'Boulemane'),
      province('HAJ', 'الحاجب', 'El Hajeb'),
      province('MOU', 'مولاي يعقوب', 'Moulay Yacoub'),
    ],
  },
  {
    code: 'MA-04',
    name: { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' },
    provinces: [
      province('RAB', 'الرباط', 'Rabat'),
      province('SAL', 'سلا', 'Salé'),
      province('SKH', 'الصخيرات تمارة', 'Skhirate-Témara'),
      province('KEN', 'القنيطرة', 'Kénitra'),
      province('KHE', 'الخميسات', 'Khémisset'),
      province('SIK', 'سيدي قاسم', 'Sidi Kacem'),
      province('SIL', 'سيدي سليمان', 'Sidi Slimane'),
    ],
  },
  {
    code: 'MA-05',
    name: { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' },
    provinces: [
      province('BEM', 'بني ملال', 'Béni Mellal'),
      province('AZI', 'أزيلال', 'Azilal'),
      province('FQH', 'الفقيه بن صالح', 'Fquih Ben Salah'),
      province('KHN', 'خنيفرة', 'Khénifra'),
      province('KHO', 'خريبكة', 'Khouribga'),
    ],
  },
  {
    code: 'MA-06',
    name: { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' },
    provinces: [
      province('CAS', 'الدار البيضاء', 'Casablanca'),
      province('MOH', 'المحمدية', 'Mohammedia'),
      province('JDI', 'الجديدة', 'El Jadida'),
      province('NOU', 'النواصر', 'Nouaceur'),
      province('MED', 'مديونة', 'Médiouna'),
      province('BES', 'بنسليمان', 'Benslimane'),
      province('BRR', 'برشيد', 'Berrechid'),
      province('SET', 'سطات', 'Settat'),
      province('SIB', 'سيدي بنور', 'Sidi Bennour'),
    ],
  },
  {
    code: 'MA-07',
    name: { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' },
    provinces: [
      province('MAR', 'مراكش', 'Marrakech', 'Marrakesh'),
      province('CHI', 'شيشاوة', 'Chichaoua'),
      province('HAO', 'الحوز', 'Al Haouz'),
      province('KES', 'قلعة السراغنة', 'El Kelâa des Sraghna'),
      province('ESI', 'الصويرة', 'Essaouira'),
      province('REH', 'الرحامنة', 'Rehamna'),
      province('SAF', 'آسفي', 'Safi'),
      province('YUS', 'اليوسفية', 'Youssoufia'),
    ],
  },
  {
    code: 'MA-08',
    name: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' },
    provinces: [
      province('ERR', 'الرشيدية', 'Errachidia'),
      province('MID', 'ميدلت', 'Midelt'),
      province('OUA', 'ورزازات', 'Ouarzazate'),
      province('TIN', 'تنغير', 'Tinghir'),
      province('ZAG', 'زاكورة', 'Zagora'),
    ],
  },
  {
    code: 'MA-09',
    name: { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' },
    provinces: [
      province('AGD', 'أكادير إداوتنان', 'Agadir-Ida-Ou-Tanane'),
      province('INE', 'إنزكان أيت ملول', 'Inezgane-Aït Melloul'),
      province('CHT', 'اشتوكة أيت باها', 'Chtouka-Aït Baha'),
      province('TAR', 'تارودانت', 'Taroudannt', 'Taroudant'),
      province('TIZ', 'تيزنيت', 'Tiznit'),
      province('TAT', 'طاطا', 'Tata'),
    ],
  },
  {
    code: 'MA-10',
    name: { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' },
    provinces: [
      province('GUE', 'كلميم', 'Guelmim'),
      province('ASZ', 'آسا الزاك', 'Assa-Zag'),
      province('TNT', 'طانطان', 'Tan-Tan'),
      province('SIF', 'سيدي إفني', 'Sidi Ifni'),
    ],
  },
  {
    code: 'MA-11',
    name: { ar: 'العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra' },
    provinces: [
      province('LAA', 'العيون', 'Laâyoune'),
      province('BOD', 'بوجدور', 'Boujdour'),
      province('TAF', 'طرفاية', 'Tarfaya'),
      province('ESM', 'السمارة', 'Es-Semara'),
    ],
  },
  {
    code: 'MA-12',
    name: { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' },
    provinces: [
      province('OUD', 'وادي الذهب', 'Oued Ed-Dahab'),
      province('AOU', 'أوسرد', 'Aousserd'),
    ],
  },
];

const provinceRegion = new Map(REGIONS.flatMap((r) => r.provinces.map((p) => [p.code, r.code] as const)));

/** The region a province or prefecture belongs to, or undefined for an unknown code. */
export function regionOfProvince(provinceCode: string): RegionCode | undefined {
  return provinceRegion.get(provinceCode);
}

/** True for one of the 12 region codes. */
export function isRegionCode(code: string): code is RegionCode {
  return (REGION_CODES as readonly string[]).includes(code);
}

/** Each region's name in Arabic, French and English, by code. */
export const REGION_NAMES = Object.fromEntries(REGIONS.map((r) => [r.code, r.name])) as Record<RegionCode, Names>;

const provinceNamesByCode = new Map(REGIONS.flatMap((r) => r.provinces.map((p) => [p.code, p.name] as const)));

/** A province's or prefecture's name in Arabic, French and English, or undefined for an unknown code. */
export function provinceNames(code: string): Names | undefined {
  return provinceNamesByCode.get(code);
}
