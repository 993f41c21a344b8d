import type { RegionCode } from '@shared/geo/regions.js';
import type { ExploitationForm } from '@shared/htcds/victim.js';

/** A demo story: what a caller might say about a suspicion, and what a non-case caller asks. */
export interface DemoNarrative {
  forms: ExploitationForm[];
  text: string;
  info: string;
}

// Fictional, written for the demo; names are invented.
export const DEMO_NARRATIVES: DemoNarrative[] = [
  {
    forms: ['domestic_servitude'],
    text: "Une voisine signale une jeune fille d'environ 14 ans qui travaille jour et nuit chez une famille, ne va pas à l'école et ne sort jamais seule.",
    info: 'Caller asked which documents a foreign domestic worker needs to sign a contract.',
  },
  {
    forms: ['forced_labour'],
    text: 'Seasonal workers on a strawberry farm say their employer keeps their ID cards and deducts "transport debts" from every wage.',
    info: 'Demande d\'information sur les droits des ouvriers agricoles saisonniers.',
  },
  {
    forms: ['sexual_exploitation'],
    text: 'شابة نيجيرية اتصلت من مقهى إنترنت وقالت إن رجلاً يحتجز جواز سفرها ويجبرها على ممارسة الدعارة لتسديد دين السفر.',
    info: 'سؤال عن رقم الخط الأخضر للإبلاغ عن العنف ضد النساء.',
  },
  {
    forms: ['forced_begging'],
    text: 'Des enfants en bas âge mendient chaque jour au même carrefour; un homme les dépose le matin et récupère l\'argent le soir.',
    info: 'Caller wanted to know how to volunteer with an association that helps street children.',
  },
  {
    forms: ['forced_labour', 'slavery_like_practices'],
    text: 'A fisherman says crew members from Guinea and Senegal sleep on the boat, are never paid and are beaten when they ask to leave.',
    info: 'Question sur la procédure de régularisation des migrants.',
  },
  {
    forms: ['forced_criminality'],
    text: 'A mother reports that her 16-year-old son is forced by a network to carry drugs across the city and is threatened if he refuses.',
    info: 'Caller asked where to find a lawyer for a labour dispute (out of scope).',
  },
  {
    forms: ['sexual_exploitation', 'forced_marriage'],
    text: 'Une assistante sociale signale une adolescente mariée par sa famille à un homme beaucoup plus âgé qui la prostitue.',
    info: 'Demande de documentation pour une campagne de sensibilisation au lycée.',
  },
  {
    forms: ['forced_labour'],
    text: 'عمال بناء من جنوب الصحراء يعملون في ورش بالدار البيضاء دون أجر منذ ثلاثة أشهر ويُهددون بالتبليغ عنهم للشرطة.',
    info: 'استفسار عن كيفية تقديم شكاية ضد مشغل لم يؤد الأجور.',
  },
  {
    forms: ['domestic_servitude', 'forced_labour'],
    text: 'A Filipino domestic worker wrote that her employer locked her phone and passport away and she works 18 hours a day.',
    info: 'Embassy staff asked how to refer a national to the hotline.',
  },
  {
    forms: ['organ_removal'],
    text: 'Un migrant dit qu\'on lui a proposé de l\'argent pour « donner un rein » afin de payer sa traversée vers l\'Espagne.',
    info: 'Question about the difference between smuggling and trafficking for a university thesis.',
  },
];

/** A few provinces and prefectures of each region (free text on the report). */
export const DEMO_PROVINCES: Record<RegionCode, string[]> = {
  'MA-01': ['Tanger-Assilah', 'Tétouan', 'Larache', 'Al Hoceïma', 'Fahs-Anjra'],
  'MA-02': ['Oujda-Angad', 'Nador', 'Berkane', 'Driouch'],
  'MA-03': ['Fès', 'Meknès', 'Taza', 'Sefrou'],
  'MA-04': ['Rabat', 'Salé', 'Kénitra', 'Skhirate-Témara'],
  'MA-05': ['Béni Mellal', 'Khouribga', 'Khénifra', 'Fquih Ben Salah'],
  'MA-06': ['Casablanca', 'Mohammedia', 'El Jadida', 'Settat', 'Berrechid'],
  'MA-07': ['Marrakech', 'Safi', 'Essaouira', 'El Kelâa des Sraghna'],
  'MA-08': ['Ouarzazate', 'Errachidia', 'Tinghir', 'Zagora'],
  'MA-09': ['Agadir Ida-Outanane', 'Inezgane-Aït Melloul', 'Chtouka-Aït Baha', 'Taroudant'],
  'MA-10': ['Guelmim', 'Tan-Tan', 'Sidi Ifni'],
  'MA-11': ['Laâyoune', 'Boujdour', 'Tarfaya'],
  'MA-12': ['Oued Ed-Dahab', 'Aousserd'],
};
