import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { AgencyType } from '@shared/agencies.js';
import type { ProviderLanguage, ServiceType, TargetGroup } from '@shared/api/providers.js';
import type { RegionCode } from '@shared/geo/regions.js';
import type { Tx } from '../db/database.js';
import { agencies, providerServices, serviceProviders, shelterCapacity } from '../db/schema/index.js';
import { recordAudit, SYSTEM_CONTEXT } from '../audit/record-audit.js';
import type { AppContext } from '../http/app-context.js';

/** A name in each UI language (migration 0016). */
type Names = { ar: string; fr: string; en: string };
const nameColumns = (names: Names) => ({ nameAr: names.ar, nameFr: names.fr, nameEn: names.en });

interface DemoProvider {
  key: string;
  agency: string;
  /** The default name. */
  name: string;
  names: Names;
  description: string;
  city: string;
  regions: RegionCode[];
  servesNationally?: boolean;
  languages: ProviderLanguage[];
  targetGroups: TargetGroup[];
  services: ServiceType[];
  openingHours: string;
  phone: string;
  email: string;
  beds?: { total: number; occupied: number };
}

/** Service points run by agencies that the core demo does not create. */
const EXTRA_AGENCIES: { key: string; name: string; names: Names; type: AgencyType; region: string }[] = [
  {
    key: 'hospital_tangier', name: 'Tangier regional hospital – unit for women and children victims of violence', type: 'HealthServiceOrganisation', region: 'Tanger-Tétouan-Al Hoceïma',
    names: {
      ar: 'المستشفى الجهوي بطنجة – وحدة التكفل بالنساء والأطفال ضحايا العنف',
      fr: 'Centre hospitalier régional de Tanger – unité de prise en charge des femmes et enfants victimes de violence',
      en: 'Tangier regional hospital – unit for women and children victims of violence',
    },
  },
  {
    key: 'ngo_oujda', name: 'Oujda migrant solidarity association', type: 'NGO', region: "L'Oriental",
    names: { ar: 'جمعية التضامن مع المهاجرين بوجدة', fr: "Association de solidarité avec les migrants d'Oujda", en: 'Oujda migrant solidarity association' },
  },
  {
    key: 'ngo_marrakech', name: 'Marrakech association for psychosocial support', type: 'NGO', region: 'Marrakech-Safi',
    names: { ar: 'جمعية مراكش للدعم النفسي والاجتماعي', fr: "Association d'accompagnement psychosocial de Marrakech", en: 'Marrakech association for psychosocial support' },
  },
  {
    key: 'shelter_laayoune', name: 'Laâyoune women protection centre', type: 'Shelter', region: 'Laâyoune-Sakia El Hamra',
    names: { ar: 'مركز حماية النساء بالعيون', fr: 'Centre de protection des femmes de Laâyoune', en: "Laayoune women's protection centre" },
  },
  {
    key: 'interpreters', name: 'Community interpreters network', type: 'NGO', region: 'Rabat-Salé-Kénitra',
    names: { ar: 'شبكة المترجمين المجتمعيين', fr: 'Réseau des interprètes communautaires', en: 'Community interpreters network' },
  },
];

// Contacts are organisations' switchboards (fictitious numbers), never victims'.
const DEMO_PROVIDERS: DemoProvider[] = [
  {
    key: 'shelter', agency: 'shelter', name: 'Dar Al Amane – shelter for women and children', city: 'Casablanca', regions: ['MA-06'],
    names: { ar: 'دار الأمان – مركز إيواء النساء والأطفال', fr: "Dar Al Amane – foyer d'accueil pour femmes et enfants", en: 'Dar Al Amane – shelter for women and children' },
    description: 'Secure accommodation, psychosocial support and schooling for women and children victims of trafficking.',
    languages: ['ar', 'ary', 'fr'], targetGroups: ['women', 'girls', 'boys'], services: ['shelter', 'psychosocial', 'education'],
    openingHours: '24/7 (admissions 08:00–20:00)', phone: '+212 522 00 11 00', email: 'accueil@daralamane.example.ma', beds: { total: 24, occupied: 19 },
  },
  {
    key: 'legalaid_rabat', agency: 'legalaid', name: 'Adala – legal aid office, Rabat', city: 'Rabat', regions: ['MA-04'],
    names: { ar: 'عدالة – مكتب المساعدة القانونية، الرباط', fr: "Adala – bureau d'aide juridique, Rabat", en: 'Adala – legal aid office, Rabat' },
    description: 'Legal advice and representation for victims as civil parties; support with residence papers.',
    languages: ['ar', 'ary', 'fr', 'en'], targetGroups: ['women', 'men', 'foreigners'], services: ['legal_aid'],
    openingHours: 'Mon–Fri 09:00–17:00', phone: '+212 537 00 22 00', email: 'contact@adala.example.ma',
  },
  {
    key: 'legalaid_casablanca', agency: 'legalaid', name: 'Adala – weekly legal clinic, Casablanca', city: 'Casablanca', regions: ['MA-06'],
    names: { ar: 'عدالة – العيادة القانونية الأسبوعية، الدار البيضاء', fr: 'Adala – permanence juridique hebdomadaire, Casablanca', en: 'Adala – weekly legal clinic, Casablanca' },
    description: 'Walk-in legal clinic at the court of first instance; lawyers who accompany victims at hearings.',
    languages: ['ar', 'ary', 'fr'], targetGroups: ['women', 'men', 'girls', 'boys', 'foreigners'], services: ['legal_aid', 'interpretation'],
    openingHours: 'Wednesdays 09:00–13:00', phone: '+212 522 00 22 10', email: 'casablanca@adala.example.ma',
  },
  {
    key: 'iom', agency: 'iom', name: 'IOM Morocco – return and reintegration programme', city: 'Rabat', regions: ['MA-04'], servesNationally: true,
    names: { ar: 'المنظمة الدولية للهجرة بالمغرب – برنامج العودة وإعادة الإدماج', fr: 'OIM Maroc – programme de retour et de réintégration', en: 'IOM Morocco – return and reintegration programme' },
    description: 'Assisted voluntary return, family tracing and reintegration support in the country of origin.',
    languages: ['ar', 'fr', 'en', 'es', 'pt'], targetGroups: ['women', 'men', 'girls', 'boys', 'foreigners', 'families'],
    services: ['voluntary_return', 'reintegration', 'family_tracing'],
    openingHours: 'Mon–Fri 08:30–16:30', phone: '+212 537 00 33 00', email: 'avrr@iom.example.ma',
  },
  {
    key: 'social', agency: 'social', name: 'Ministry of Solidarity – social assistance unit, Casablanca', city: 'Casablanca', regions: ['MA-06'],
    names: {
      ar: 'وزارة التضامن – وحدة المساعدة الاجتماعية، الدار البيضاء',
      fr: "Ministère de la Solidarité – unité d'assistance sociale, Casablanca",
      en: 'Ministry of Solidarity – social assistance unit, Casablanca',
    },
    description: 'Social workers for needs assessment, psychosocial follow-up and emergency financial aid.',
    languages: ['ar', 'ary', 'zgh', 'fr'], targetGroups: ['women', 'men', 'girls', 'boys', 'families'], services: ['psychosocial', 'financial_assistance'],
    openingHours: 'Mon–Fri 08:30–16:30', phone: '+212 522 00 44 00', email: 'unite.sociale@solidarite.example.ma',
  },
  {
    key: 'hospital_tangier', agency: 'hospital_tangier', name: 'Tangier regional hospital – integrated care unit', city: 'Tangier', regions: ['MA-01'],
    names: { ar: 'المستشفى الجهوي بطنجة – وحدة التكفل المندمج', fr: 'Centre hospitalier régional de Tanger – unité de prise en charge intégrée', en: 'Tangier regional hospital – integrated care unit' },
    description: 'Medical examination, forensic certificates and psychological first aid.',
    languages: ['ar', 'ary', 'es', 'fr'], targetGroups: ['women', 'girls', 'boys'], services: ['medical', 'psychosocial'],
    openingHours: '24/7 (emergency department)', phone: '+212 539 00 55 00', email: 'ufe@chr-tanger.example.ma',
  },
  {
    key: 'ngo_oujda', agency: 'ngo_oujda', name: 'Oujda migrant solidarity – shelter and health point', city: 'Oujda', regions: ['MA-02'],
    names: { ar: 'التضامن مع المهاجرين بوجدة – مركز الإيواء والرعاية الصحية', fr: 'Solidarité migrants Oujda – hébergement et point santé', en: 'Oujda migrant solidarity – shelter and health point' },
    description: 'Emergency shelter, primary health care and orientation for migrants, including unaccompanied children.',
    languages: ['ar', 'fr', 'en', 'wo', 'bm', 'ff'], targetGroups: ['women', 'men', 'boys', 'foreigners'], services: ['shelter', 'medical', 'psychosocial', 'interpretation'],
    openingHours: '24/7', phone: '+212 536 00 66 00', email: 'contact@oujda-solidarite.example.ma', beds: { total: 30, occupied: 27 },
  },
  {
    key: 'ngo_marrakech', agency: 'ngo_marrakech', name: 'Marrakech psychosocial support centre', city: 'Marrakech', regions: ['MA-07', 'MA-09'],
    names: { ar: 'مركز الدعم النفسي والاجتماعي بمراكش', fr: "Centre d'accompagnement psychosocial de Marrakech", en: 'Marrakech psychosocial support centre' },
    description: 'Trauma-informed counselling, support groups and vocational training towards independent living.',
    languages: ['ar', 'ary', 'zgh', 'fr'], targetGroups: ['women', 'girls'], services: ['psychosocial', 'vocational_training', 'livelihood'],
    openingHours: 'Mon–Sat 09:00–18:00', phone: '+212 524 00 77 00', email: 'ecoute@marrakech-psy.example.ma',
  },
  {
    key: 'shelter_laayoune', agency: 'shelter_laayoune', name: 'Laâyoune women protection centre', city: 'Laâyoune', regions: ['MA-11', 'MA-12'],
    names: { ar: 'مركز حماية النساء بالعيون', fr: 'Centre de protection des femmes de Laâyoune', en: "Laayoune women's protection centre" },
    description: 'Shelter and psychosocial support for women and girls, including foreign nationals.',
    languages: ['ar', 'ary', 'es', 'fr'], targetGroups: ['women', 'girls', 'foreigners'], services: ['shelter', 'psychosocial'],
    openingHours: '24/7', phone: '+212 528 00 88 00', email: 'centre@laayoune-femmes.example.ma', beds: { total: 12, occupied: 4 },
  },
  {
    key: 'interpreters', agency: 'interpreters', name: 'Community interpreters network', city: 'Rabat', regions: ['MA-04'], servesNationally: true,
    names: { ar: 'شبكة المترجمين المجتمعيين', fr: 'Réseau des interprètes communautaires', en: 'Community interpreters network' },
    description: 'Trained interpreters for interviews, hearings and medical visits, in person or by phone.',
    languages: ['ar', 'fr', 'en', 'es', 'pt', 'wo', 'bm', 'ff', 'tl'], targetGroups: ['women', 'men', 'girls', 'boys', 'foreigners'], services: ['interpretation'],
    openingHours: 'On call, 7 days', phone: '+212 537 00 99 00', email: 'permanence@interpretes.example.ma',
  },
];

/**
 * Seeds the service directory for the demo. Creates the extra agencies it
 * needs and adds them to `agencyIdsByKey` (so later seeds can use them);
 * skips a provider whose agency is unknown. Returns provider ids by key.
 */
export async function seedProvidersDemo(tx: Tx, _ctx: Pick<AppContext, 'database' | 'keyring'>, agencyIdsByKey: Map<string, string>): Promise<Map<string, string>> {
  // A handful of statements in all: one lookup and one insert for the extra agencies, one insert per table after.
  const missing = EXTRA_AGENCIES.filter((extra) => !agencyIdsByKey.has(extra.key));
  const existing = missing.length
    ? await tx
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inArray(sql`lower(${agencies.name})`, missing.map((extra) => extra.name.toLowerCase())))
    : [];
  const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row.id]));
  const created = missing.filter((extra) => !byName.has(extra.name.toLowerCase())).map((extra) => ({ id: randomUUID(), name: extra.name, ...nameColumns(extra.names), type: extra.type, region: extra.region }));
  if (created.length) await tx.insert(agencies).values(created);
  for (const agency of created) byName.set(agency.name.toLowerCase(), agency.id);
  for (const extra of missing) agencyIdsByKey.set(extra.key, byName.get(extra.name.toLowerCase())!);

  const providerIds = new Map<string, string>();
  const providerRows: (typeof serviceProviders.$inferInsert)[] = [];
  const serviceRows: (typeof providerServices.$inferInsert)[] = [];
  const capacityRows: (typeof shelterCapacity.$inferInsert)[] = [];
  for (const p of DEMO_PROVIDERS) {
    const agencyId = agencyIdsByKey.get(p.agency);
    if (!agencyId) continue;
    const id = randomUUID();
    providerIds.set(p.key, id);
    providerRows.push({
      id,
      agencyId,
      name: p.name,
      ...nameColumns(p.names),
      description: p.description,
      city: p.city,
      regions: p.regions,
      servesNationally: p.servesNationally ?? false,
      languages: p.languages,
      targetGroups: p.targetGroups,
      openingHours: p.openingHours,
      contactPhone: p.phone,
      contactEmail: p.email,
    });
    serviceRows.push(...p.services.map((serviceType) => ({ providerId: id, serviceType })));
    if (p.beds) capacityRows.push({ providerId: id, bedsTotal: p.beds.total, bedsOccupied: p.beds.occupied });
  }
  if (providerRows.length) await tx.insert(serviceProviders).values(providerRows);
  if (serviceRows.length) await tx.insert(providerServices).values(serviceRows);
  if (capacityRows.length) await tx.insert(shelterCapacity).values(capacityRows);
  await recordAudit(tx, SYSTEM_CONTEXT, { action: 'provider.created', resourceType: 'provider', details: { demo: true, providers: providerIds.size } });
  return providerIds;
}

