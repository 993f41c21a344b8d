import { z } from 'zod';
import { REGION_CODES } from '../geo/regions.js';
import { LANGUAGE_CODES, type LanguageCode } from '../htcds/languages.js';
import { defineContract } from './contract.js';
import { line, text, version } from './fields.js';
import { localeNameFields, localeNames, someName } from './names.js';
import { pageOf, pageQuery } from './pagination.js';

/** Services a provider can offer (stored codes; labels come from the catalogs, `serviceType.<code>`). */
export const SERVICE_TYPES = [
  'shelter',
  'medical',
  'psychosocial',
  'legal_aid',
  'interpretation',
  'education',
  'vocational_training',
  'livelihood',
  'family_tracing',
  'voluntary_return',
  'reintegration',
  'financial_assistance',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Who a provider serves (`targetGroup.<code>`). */
export const TARGET_GROUPS = ['women', 'men', 'girls', 'boys', 'foreigners', 'families'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/**
 * Languages a provider works in: the same codes as a victim's languages
 * (ISO 639-1, plus ary for Darija and zgh for Tamazight), so matching compares like with like.
 */
export const PROVIDER_LANGUAGES = LANGUAGE_CODES;
export type ProviderLanguage = LanguageCode;

const regionCode = z.enum(REGION_CODES);
const trimmed = (max: number) => text(max);
/** Removes duplicates so arrays are stored once per value. */
const uniqueArray = <T extends z.ZodType>(item: T) => z.array(item).max(50).transform((values) => [...new Set(values)]);

export const shelterCapacity = z.object({
  bedsTotal: z.number().int(),
  bedsOccupied: z.number().int(),
  freeBeds: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type ShelterCapacity = z.infer<typeof shelterCapacity>;

export const provider = z.object({
  id: z.string().uuid(),
  agencyId: z.string().uuid(),
  /** The agency's and the provider's names in the reader's language, else their default names. */
  agencyName: z.string(),
  name: z.string(),
  /** The provider's own name in each language (null: none), for the edit form. */
  ...localeNames,
  description: z.string(),
  city: z.string().nullable(),
  regions: z.array(z.string()),
  servesNationally: z.boolean(),
  languages: z.array(z.string()),
  targetGroups: z.array(z.string()),
  services: z.array(z.string()),
  openingHours: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  capacity: shelterCapacity.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  allowedActions: z.array(z.string()),
});
export type Provider = z.infer<typeof provider>;

const providerFields = z.object({
  agencyId: z.string().uuid(),
  ...localeNameFields,
  description: trimmed(2000).default(''),
  city: line(100).nullable().optional(),
  regions: uniqueArray(regionCode).default([]),
  servesNationally: z.boolean().default(false),
  languages: uniqueArray(z.enum(PROVIDER_LANGUAGES)).default([]),
  targetGroups: uniqueArray(z.enum(TARGET_GROUPS)).default([]),
  services: uniqueArray(z.enum(SERVICE_TYPES)).pipe(z.array(z.enum(SERVICE_TYPES)).min(1)),
  openingHours: trimmed(300).default(''),
  contactPhone: z.string().trim().regex(/^\+?[0-9 ()-]{6,30}$/).nullable().optional(),
  contactEmail: z.string().trim().email().max(200).nullable().optional(),
  active: z.boolean().default(true),
});
/** A new service point: a name in at least one language. */
export const providerBody = providerFields.superRefine(someName);
export type ProviderInput = z.input<typeof providerBody>;

/** A partial update; `version` is the one the editor loaded (stale → 409). */
export const providerPatch = z.object({
  agencyId: z.string().uuid().optional(),
  // A name left out stays, a null one is cleared (the server refuses clearing the last one).
  ...localeNameFields,
  description: trimmed(2000).optional(),
  city: line(100).nullable().optional(),
  regions: uniqueArray(regionCode).optional(),
  servesNationally: z.boolean().optional(),
  languages: uniqueArray(z.enum(PROVIDER_LANGUAGES)).optional(),
  targetGroups: uniqueArray(z.enum(TARGET_GROUPS)).optional(),
  services: uniqueArray(z.enum(SERVICE_TYPES)).pipe(z.array(z.enum(SERVICE_TYPES)).min(1)).optional(),
  openingHours: trimmed(300).optional(),
  contactPhone: z.string().trim().regex(/^\+?[0-9 ()-]{6,30}$/).nullable().optional(),
  contactEmail: z.string().trim().email().max(200).nullable().optional(),
  active: z.boolean().optional(),
  version: version(),
});
export type ProviderPatch = z.input<typeof providerPatch>;

/** The shelter's own bed count; `version` is 0 when none was ever reported. */
export const capacityBody = z
  .object({
    bedsTotal: z.number().int().min(0).max(10_000),
    bedsOccupied: z.number().int().min(0).max(10_000),
    version: version(0),
  })
  .refine((c) => c.bedsOccupied <= c.bedsTotal, { path: ['bedsOccupied'], message: 'occupied_exceeds_total' });
export type CapacityInput = z.infer<typeof capacityBody>;

export const providerListQuery = z.object({
  service: z.enum(SERVICE_TYPES).optional(),
  region: regionCode.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  language: z.enum(PROVIDER_LANGUAGES).optional(),
  agencyId: z.string().uuid().optional(),
  q: line(100).optional(),
  /** Inactive entries are only ever visible to administrators and their own agency. */
  active: z.enum(['true', 'false']).optional(),
});

/** The need to match; with `caseId`, criteria not given are taken from the case. */
export const providerMatchQuery = z.object({
  service: z.enum(SERVICE_TYPES),
  region: regionCode.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  language: z.enum(PROVIDER_LANGUAGES).optional(),
  caseId: z.string().uuid().optional(),
});

/** How a provider reaches the requested region, best first. */
export const REGION_MATCHES = ['region', 'national', 'neighbour', 'none'] as const;
export type RegionMatch = (typeof REGION_MATCHES)[number];

/** Why a provider ranks where it does: each criterion with the points it earned. */
export const matchScore = z.object({
  total: z.number().int(),
  // null when the criterion was not asked for.
  region: z.object({ match: z.enum(REGION_MATCHES).nullable(), points: z.number().int() }),
  targetGroup: z.object({ match: z.boolean().nullable(), points: z.number().int() }),
  language: z.object({ match: z.boolean().nullable(), points: z.number().int() }),
  capacity: z.object({ freeBeds: z.number().int().nullable(), points: z.number().int() }),
});
export type MatchScore = z.infer<typeof matchScore>;

export const providerMatch = provider.extend({ score: matchScore });
export type ProviderMatch = z.infer<typeof providerMatch>;

/** Ranked suggestions with the criteria actually used (some may come from the case). */
export const providerMatchList = z.object({
  items: z.array(providerMatch),
  total: z.number().int(),
  criteria: z.object({
    service: z.enum(SERVICE_TYPES),
    region: regionCode.nullable(),
    targetGroup: z.enum(TARGET_GROUPS).nullable(),
    language: z.enum(PROVIDER_LANGUAGES).nullable(),
  }),
});
export type ProviderMatchList = z.infer<typeof providerMatchList>;

export const serviceTypeCount = z.object({ code: z.enum(SERVICE_TYPES), activeProviders: z.number().int() });
export const serviceTypeList = z.object({ items: z.array(serviceTypeCount) });
export type ServiceTypeCount = z.infer<typeof serviceTypeCount>;

const providerIdParams = z.object({ id: z.string().uuid() });

/** The service directory: look-up for every operational role, upkeep by administrators, beds by the shelter. */
export const providersApi = {
  list: defineContract({ method: 'GET', path: '/api/providers', tag: 'providers', query: pageQuery.extend(providerListQuery.shape), response: pageOf(provider) }),
  match: defineContract({ method: 'GET', path: '/api/providers/match', tag: 'providers', query: pageQuery.extend(providerMatchQuery.shape), response: providerMatchList }),
  one: defineContract({ method: 'GET', path: '/api/providers/:id', tag: 'providers', params: providerIdParams, response: provider }),
  create: defineContract({ method: 'POST', path: '/api/providers', tag: 'providers', body: providerBody, response: provider, status: 201 }),
  update: defineContract({ method: 'PATCH', path: '/api/providers/:id', tag: 'providers', params: providerIdParams, body: providerPatch, response: provider }),
  updateCapacity: defineContract({ method: 'PUT', path: '/api/providers/:id/capacity', tag: 'providers', params: providerIdParams, body: capacityBody, response: provider }),
  /** Every service type with how many active providers offer it. */
  serviceTypes: defineContract({ method: 'GET', path: '/api/services', tag: 'providers', response: serviceTypeList }),
};
