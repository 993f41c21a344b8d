/**
 * Morocco's 12 regions (ISO 3166-2:MA codes, stable across relabelling) and
 * their provinces and prefectures (ISO 3166-2:MA three-letter codes). Other
 * modules store these codes; labels are shown in the reader's language.
 * Another country replaces this file with its own subdivisions.
 */
/** The 12 region codes (ISO 3166-2:MA). */
export const REGION_CODES = ['MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export interface Region {
  code: RegionCode;
  name: { ar: string; fr: string; en: string };
  provinces: readonly { code: string; name: string }[];
}

function provinces(list: string): { code: string; name: string }[] {
  return list.split(';').map((entry) => {
    const [code, name] = entry.split('=') as [string, string];
    return { code: `MA-${code.trim()}`, name: name.trim() };
  });
}

export const REGIONS: readonly Region[] = [
  {
    code: 'MA-01',
    name: { ar: 'طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima' },
    provinces: provinces("TNG=Tanger-Assilah; TET=Tétouan; MDF=M'diq-Fnideq; LAR=Larache; CHE=Chefchaouen; HOC=Al Hoceïma; OUZ=Ouezzane; FAH=Fahs-Anjra"),
  },
  {
    code: 'MA-02',
    name: { ar: 'الشرق', fr: "L'Oriental", en: 'Oriental' },
    provinces: provinces('OUJ=Oujda-Angad; NAD=Nador; BER=Berkane; DRI=Driouch; JRA=Jerada; TAI=Taourirt; FIG=Figuig; GUF=Guercif'),
  },
  {
    code: 'MA-03',
    name: { ar: 'فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' },
    provinces: provinces('FES=Fès; MEK=Meknès; TAO=Taounate; TAZ=Taza; IFR=Ifrane; SEF=Sefrou; BOM=Boulemane; HAJ=El Hajeb; MOU=Moulay Yacoub'),
  },
  {
    code: 'MA-04',
    name: { ar: 'الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' },
    provinces: provinces('RAB=Rabat; SAL=Salé; SKH=Skhirate-Témara; KEN=Kénitra; KHE=Khémisset; SIK=Sidi Kacem; SIL=Sidi Slimane'),
  },
  {
    code: 'MA-05',
    name: { ar: 'بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' },
    provinces: provinces('BEM=Béni Mellal; AZI=Azilal; FQH=Fquih Ben Salah; KHN=Khénifra; KHO=Khouribga'),
  },
  {
    code: 'MA-06',
    name: { ar: 'الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' },
    provinces: provinces('CAS=Casablanca; MOH=Mohammedia; JDI=El Jadida; NOU=Nouaceur; MED=Médiouna; BES=Benslimane; BRR=Berrechid; SET=Settat; SIB=Sidi Bennour'),
  },
  {
    code: 'MA-07',
    name: { ar: 'مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' },
    provinces: provinces('MAR=Marrakech; CHI=Chichaoua; HAO=Al Haouz; KES=El Kelâa des Sraghna; ESI=Essaouira; REH=Rehamna; SAF=Safi; YUS=Youssoufia'),
  },
  {
    code: 'MA-08',
    name: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' },
    provinces: provinces('ERR=Errachidia; MID=Midelt; OUA=Ouarzazate; TIN=Tinghir; ZAG=Zagora'),
  },
  {
    code: 'MA-09',
    name: { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' },
    provinces: provinces('AGD=Agadir-Ida-Ou-Tanane; INE=Inezgane-Aït Melloul; CHT=Chtouka-Aït Baha; TAR=Taroudannt; TIZ=Tiznit; TAT=Tata'),
  },
  {
    code: 'MA-10',
    name: { ar: 'كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' },
    provinces: provinces('GUE=Guelmim; ASZ=Assa-Zag; TNT=Tan-Tan; SIF=Sidi Ifni'),
  },
  {
    code: 'MA-11',
    name: { ar: 'العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra' },
    provinces: provinces('LAA=Laâyoune; BOD=Boujdour; TAF=Tarfaya; ESM=Es-Semara'),
  },
  {
    code: 'MA-12',
    name: { ar: 'الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' },
    provinces: provinces('OUD=Oued Ed-Dahab; AOU=Aousserd'),
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
export const REGION_NAMES = Object.fromEntries(REGIONS.map((r) => [r.code, r.name])) as Record<RegionCode, Region['name']>;
