import type { CreateReferralInput } from '@shared/api/referrals.js';
import type { TestClient, TestSanad } from '../test/harness.js';
import { createProviderVia, demoAgencyIds } from '../providers/test-helpers.js';

/** A person with a Latin and an Arabic name, a phone and a birth year (tests only). */
export const TEST_PERSON = {
  givenNameLatin: 'Blessing',
  familyNameLatin: 'Okafor',
  givenNameAr: 'بليسينغ',
  familyNameAr: 'أوكافور',
  birthYear: 1999,
  sex: 'Feminine',
  citizenships: ['NG'],
  languages: ['en'],
  contact: { phone: '+212 662 998 877', email: null, address: null },
};

/** Opens a presumed-victim case through the API as `client`; returns its id. */
export async function openCaseVia(client: TestClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/cases', {
    person: TEST_PERSON,
    region: 'MA-06',
    province: 'MA-CAS',
    traffickingStatus: 'presumed',
    exploitationForms: ['sexual_exploitation'],
    riskLevel: 'high',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`create case failed: ${response.statusCode} ${response.body}`);
  return response.json().case.id as string;
}

/** Records the victim's consent to share with `agencyId`; returns the consent id. */
export async function consentVia(client: TestClient, caseId: string, agencyId: string): Promise<string> {
  const response = await client.post(`/api/cases/${caseId}/consents`, { type: 'share_with_organisation', agencyId, method: 'signed' });
  if (response.statusCode !== 201) throw new Error(`consent failed: ${response.statusCode} ${response.body}`);
  const list = response.json().items as { id: string; agencyId: string | null; revokedAt: string | null }[];
  return list.find((c) => c.agencyId === agencyId && !c.revokedAt)!.id;
}

/** A shelter (Dar Al Amane's agency, `beds` beds) and a legal aid office (Adala's agency), created as admin. */
export async function createTestProviders(sanad: TestSanad, admin: TestClient, shelterUser: TestClient, beds = 3) {
  const agency = await demoAgencyIds(sanad);
  const shelter = await createProviderVia(admin, {
    agencyId: agency.get('shelter')!, nameEn: 'Dar Al Amane test shelter', city: 'Casablanca', regions: ['MA-06'],
    languages: ['ar', 'fr', 'en'], targetGroups: ['women', 'girls'], services: ['shelter', 'psychosocial'],
  });
  const capacity = await shelterUser.request('PUT', `/api/providers/${shelter.id}/capacity`, { bedsTotal: beds, bedsOccupied: 0, version: 0 });
  if (capacity.statusCode !== 200) throw new Error(`capacity failed: ${capacity.body}`);
  const legal = await createProviderVia(admin, {
    agencyId: agency.get('legalaid')!, nameEn: 'Adala test office', city: 'Rabat', regions: ['MA-04', 'MA-06'],
    languages: ['ar', 'fr', 'en'], targetGroups: ['women', 'men', 'foreigners'], services: ['legal_aid'],
  });
  return { agency, shelterId: shelter.id, legalId: legal.id };
}

/** A shelter referral body sharing the given fields. */
export function shelterReferral(providerId: string, sharedFields: CreateReferralInput['sharedFields'], extra: Partial<CreateReferralInput> = {}): CreateReferralInput {
  return {
    providerId,
    serviceType: 'shelter',
    urgency: 'urgent',
    reason: 'AdditionalServicesRequired',
    reasonDetails: 'Needs a safe place tonight',
    sharedFields,
    needsSummary: sharedFields.includes('needs_summary') ? 'Safe accommodation and psychosocial support' : null,
    ...extra,
  };
}
