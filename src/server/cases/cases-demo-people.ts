import type { CountryCode } from '@shared/htcds/countries.js';
import type { LanguageCode } from '@shared/htcds/languages.js';

/** A fictitious person for the demo: Latin name, Arabic name when they have one. */
export interface DemoPerson {
  given: string;
  family: string;
  givenAr?: string;
  familyAr?: string;
  sex: 'Feminine' | 'Masculine';
  citizenship: CountryCode;
  languages: LanguageCode[];
}

const ma = (given: string, family: string, givenAr: string, familyAr: string, sex: DemoPerson['sex']): DemoPerson => ({
  given, family, givenAr, familyAr, sex, citizenship: 'MA', languages: ['ar', 'ary'],
});
const foreign = (given: string, family: string, sex: DemoPerson['sex'], citizenship: CountryCode, languages: LanguageCode[]): DemoPerson => ({
  given, family, sex, citizenship, languages,
});

/** Invented names (any resemblance to real people is accidental), nationals first. */
export const DEMO_PEOPLE: DemoPerson[] = [
  ma('Fatima Zahra', 'Benjelloun', 'فاطمة الزهراء', 'بنجلون', 'Feminine'),
  ma('Khadija', 'Amrani', 'خديجة', 'العمراني', 'Feminine'),
  ma('Youssef', 'Ennaciri', 'يوسف', 'الناصري', 'Masculine'),
  ma('Salma', 'Ouahbi', 'سلمى', 'الوهبي', 'Feminine'),
  ma('Hamza', 'Tazi', 'حمزة', 'التازي', 'Masculine'),
  ma('Imane', 'Berrada', 'إيمان', 'برادة', 'Feminine'),
  ma('Ayoub', 'Chraibi', 'أيوب', 'الشرايبي', 'Masculine'),
  ma('Nour', 'El Idrissi', 'نور', 'الإدريسي', 'Feminine'),
  ma('Zineb', 'Lahlou', 'زينب', 'لحلو', 'Feminine'),
  ma('Mehdi', 'Bennani', 'مهدي', 'بناني', 'Masculine'),
  ma('Hajar', 'Sbai', 'هاجر', 'السباعي', 'Feminine'),
  ma('Ilyas', 'Kettani', 'إلياس', 'الكتاني', 'Masculine'),
  ma('Meryem', 'Fassi', 'مريم', 'الفاسي', 'Feminine'),
  ma('Rachid', 'Ouazzani', 'رشيد', 'الوزاني', 'Masculine'),
  ma('Chaimae', 'Alami', 'شيماء', 'العلمي', 'Feminine'),
  ma('Soufiane', 'Haddaoui', 'سفيان', 'الحداوي', 'Masculine'),
  foreign('Blessing', 'Okafor', 'Feminine', 'NG', ['en', 'ig']),
  foreign('Joy', 'Eze', 'Feminine', 'NG', ['en', 'ig']),
  foreign('Precious', 'Adeyemi', 'Feminine', 'NG', ['en', 'yo']),
  foreign('Aïcha', 'Mbarga', 'Feminine', 'CM', ['fr']),
  foreign('Brice', 'Nkou', 'Masculine', 'CM', ['fr']),
  foreign('Awa', 'Koné', 'Feminine', 'CI', ['fr', 'bm']),
  foreign('Mariam', 'Traoré', 'Feminine', 'CI', ['fr']),
  foreign('Fatou', 'Diop', 'Feminine', 'SN', ['fr', 'wo']),
  foreign('Moussa', 'Ndiaye', 'Masculine', 'SN', ['fr', 'wo']),
  foreign('Mariama', 'Diallo', 'Feminine', 'GN', ['fr', 'ff']),
  foreign('Ibrahima', 'Camara', 'Masculine', 'GN', ['fr']),
  { given: 'Rania', family: 'Haddad', givenAr: 'رانيا', familyAr: 'حداد', sex: 'Feminine', citizenship: 'SY', languages: ['ar'] },
  { given: 'Omar', family: 'Khatib', givenAr: 'عمر', familyAr: 'الخطيب', sex: 'Masculine', citizenship: 'SY', languages: ['ar'] },
  foreign('Maria Luisa', 'Santos', 'Feminine', 'PH', ['tl', 'en']),
  foreign('Jocelyn', 'Reyes', 'Feminine', 'PH', ['tl', 'en']),
  foreign('Kofi', 'Mensah', 'Masculine', 'GH' as CountryCode, ['en', 'tw']),
  foreign('Aminata', 'Sow', 'Feminine', 'ML' as CountryCode, ['fr', 'bm']),
  foreign('Grace', 'Nwosu', 'Feminine', 'NG', ['en', 'ig']),
];
