import type { AgencyType } from '@shared/agencies.js';
import type { Role } from '@shared/roles.js';

/** Published in the README: demo mode only, never a real deployment. */
export const DEMO_PASSWORD = 'Sanad-Demo-2026!';
/** Base32 TOTP secret every demo account enrols with (published, so testers can complete 2FA). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export interface DemoAgency {
  key: string;
  /** The default name, and the one seeds and tests look the agency up by. */
  name: string;
  /** Its name in each UI language (migration 0016). */
  names: { ar: string; fr: string; en: string };
  type: AgencyType;
  region: string | null;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'admin', name: 'Sanad system administration', type: 'CentralGovernmentOrganisation', region: null,
    names: { ar: 'إدارة نظام سند', fr: 'Administration du système Sanad', en: 'Sanad system administration' },
  },
  {
    key: 'commission', name: 'National Commission against Trafficking in Persons', type: 'NationalCommission', region: 'Rabat-Salé-Kénitra',
    names: {
      ar: 'اللجنة الوطنية لتنسيق إجراءات مكافحة الاتجار بالبشر والوقاية منه',
      fr: 'Commission nationale de lutte contre la traite des êtres humains',
      en: 'National Commission against Trafficking in Persons',
    },
  },
  {
    key: 'hotline', name: 'National trafficking hotline', type: 'Hotline', region: 'Rabat-Salé-Kénitra',
    names: { ar: 'الخط الهاتفي الوطني للتبليغ عن الاتجار بالبشر', fr: "Ligne d'écoute nationale contre la traite", en: 'National trafficking hotline' },
  },
  {
    key: 'police', name: 'DGSN – Casablanca judicial police', type: 'Police', region: 'Casablanca-Settat',
    names: { ar: 'المديرية العامة للأمن الوطني – الشرطة القضائية بالدار البيضاء', fr: 'DGSN – Police judiciaire de Casablanca', en: 'DGSN – Casablanca judicial police' },
  },
  {
    key: 'gendarmerie', name: 'Royal Gendarmerie – Tangier', type: 'Gendarmerie', region: 'Tanger-Tétouan-Al Hoceïma',
    names: { ar: 'الدرك الملكي – طنجة', fr: 'Gendarmerie royale – Tanger', en: 'Royal Gendarmerie – Tangier' },
  },
  {
    key: 'labour', name: 'Labour inspection – Agadir', type: 'LabourInspection', region: 'Souss-Massa',
    names: { ar: 'مفتشية الشغل – أكادير', fr: 'Inspection du travail – Agadir', en: 'Labour inspection – Agadir' },
  },
  {
    key: 'social', name: 'Ministry of Solidarity – social assistance unit', type: 'Ministry', region: 'Casablanca-Settat',
    names: {
      ar: 'وزارة التضامن – وحدة المساعدة الاجتماعية',
      fr: "Ministère de la Solidarité – unité d'assistance sociale",
      en: 'Ministry of Solidarity – social assistance unit',
    },
  },
  {
    key: 'shelter', name: 'Dar Al Amane women and children shelter', type: 'Shelter', region: 'Casablanca-Settat',
    names: { ar: 'دار الأمان لإيواء النساء والأطفال', fr: "Dar Al Amane – centre d'accueil pour femmes et enfants", en: 'Dar Al Amane women and children shelter' },
  },
  {
    key: 'legalaid', name: 'Adala legal aid association', type: 'LegalService', region: 'Rabat-Salé-Kénitra',
    names: { ar: 'جمعية عدالة للمساعدة القانونية', fr: "Association Adala d'aide juridique", en: 'Adala legal aid association' },
  },
  {
    key: 'iom', name: 'IOM Morocco', type: 'InternationalOrganisation', region: 'Rabat-Salé-Kénitra',
    names: { ar: 'المنظمة الدولية للهجرة – المغرب', fr: 'OIM Maroc', en: 'IOM Morocco' },
  },
  {
    key: 'prosecution', name: 'Public prosecution – Casablanca Court of Appeal', type: 'Prosecution', region: 'Casablanca-Settat',
    names: {
      ar: 'النيابة العامة – محكمة الاستئناف بالدار البيضاء',
      fr: "Parquet général – Cour d'appel de Casablanca",
      en: 'Public prosecution – Casablanca Court of Appeal',
    },
  },
  {
    key: 'statistics', name: 'Ministry of Justice – statistics directorate', type: 'Ministry', region: 'Rabat-Salé-Kénitra',
    names: { ar: 'وزارة العدل – مديرية الإحصاء', fr: 'Ministère de la Justice – direction de la statistique', en: 'Ministry of Justice – statistics directorate' },
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
  locale: 'ar' | 'fr' | 'en';
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Samir Administrator', agency: 'admin', roles: ['administrator'], locale: 'fr' },
  // A second administrator: roles that reach identities take the approval of another administrator than the one who asked.
  { username: 'admin2', displayName: 'Rachida Bennani', agency: 'admin', roles: ['administrator'], locale: 'ar' },
  { username: 'hotline', displayName: 'Nadia El Amrani', agency: 'hotline', roles: ['hotline_operator'], locale: 'ar' },
  { username: 'responder', displayName: 'Youssef Benali', agency: 'police', roles: ['first_responder'], locale: 'fr' },
  { username: 'casemanager', displayName: 'Fatima Zahra Idrissi', agency: 'social', roles: ['case_manager'], locale: 'ar' },
  { username: 'shelter', displayName: 'Khadija Ouazzani', agency: 'shelter', roles: ['service_provider'], locale: 'ar' },
  { username: 'legalaid', displayName: 'Omar Tazi', agency: 'legalaid', roles: ['service_provider'], locale: 'fr' },
  { username: 'prosecutor', displayName: 'Hassan Alaoui', agency: 'prosecution', roles: ['prosecutor'], locale: 'fr' },
  { username: 'coordinator', displayName: 'Amina Berrada', agency: 'commission', roles: ['national_coordinator'], locale: 'ar' },
  { username: 'analyst', displayName: 'Karim Lahlou', agency: 'statistics', roles: ['analyst'], locale: 'en' },
  { username: 'auditor', displayName: 'Leila Chraibi', agency: 'admin', roles: ['auditor'], locale: 'en' },
];
