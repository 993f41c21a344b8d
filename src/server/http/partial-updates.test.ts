import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSanad, type TestClient, type TestSanad } from '../test/harness.js';
import { createProviderVia, demoAgencyIds } from '../providers/test-helpers.js';

/**
 * A field not sent is a field kept, at every level. For every PATCH route in
 * the route table: a fully filled record, a minimal body, and the record read
 * back before and after must differ only in what was sent. A new PATCH route
 * fails here until it has a fixture.
 */

let sanad: TestSanad;
const users: Record<string, TestClient> = {};

beforeAll(async () => {
  sanad = await startTestSanad({ demo: true });
  for (const username of ['admin', 'casemanager', 'hotline', 'analyst']) users[username] = await sanad.signIn(username);
});
afterAll(async () => sanad?.close());

type Json = Record<string, unknown>;

/** How to make a full record for one PATCH route, read it, and which minimal bodies to send. */
interface Fixture {
  user: string;
  /** Creates a record with every field filled; returns the PATCH url and a reader. */
  create(): Promise<{ url: string; read: () => Promise<Json> }>;
  /** Minimal bodies, each with the dotted paths it changes (version is added from the record). */
  patches: { body: Json; changes: string[] }[];
}

const FULL_PERSON = {
  givenNameAr: 'أمينة', familyNameAr: 'الإدريسي', givenNameLatin: 'Amina', familyNameLatin: 'Idrissi', aliases: ['Mina'],
  birthDate: '1998-04-12', birthYear: 1998, birthYearEstimated: false, sex: 'Feminine', citizenships: ['MA', 'SN'], languages: ['ar', 'fr'],
  identityDocuments: [{ type: 'Passport', number: 'AB1234567', issuingCountry: 'MA' }],
  contact: { phone: '+212 661 000 111', email: 'amina@example.org', address: 'Hay Mohammadi, Casablanca' },
};
const FULL_CASE = {
  person: FULL_PERSON, region: 'MA-06', province: 'MA-CAS', riskLevel: 'high', riskAssessment: 'Employer threatens her family', reflectionStart: '2026-01-05',
  reflectionEnd: '2026-03-05', reflectionAlertDays: 10, nonPunishment: true, nonPunishmentGround: 'immigration_proceedings', nonPunishmentNote: 'Irregular stay',
  traffickingStatus: 'presumed', statusDecidedBy: 'NGO', statusDecidedAt: '2026-01-10', ageWhenTrafficked: 24, relationshipToTrafficker: 'Acquainted',
  recruitmentMethods: ['AtWork'], controlMethods: ['DebtBondage', 'FalsePromises'], exploitationForms: ['forced_labour', 'domestic_servitude'],
  traffickingScope: 'transnational', migrantStatus: 'national',
};
const FULL_REPORT = {
  kind: 'trafficking_suspicion', channel: 'hotline_call', callerType: 'relative', language: 'fr', region: 'MA-09', province: 'Agadir', urgency: 'urgent',
  narrative: 'Her sister works in a house in Agadir and may not leave.', exploitationForms: ['domestic_servitude', 'forced_labour'], peopleAtRisk: 2,
  minorsInvolved: false, reporterContact: '0600000000',
};

const read = (client: TestClient, url: string, pick: (body: Json) => Json = (b) => b) => async () => {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return pick(response.json());
};
const itemWithId = (id: string) => (body: Json) => (body['items'] as Json[]).find((item) => item['id'] === id)!;

const FIXTURES: Record<string, Fixture> = {
  '/api/cases/:id': {
    user: 'casemanager',
    async create() {
      const created = await users['casemanager']!.post('/api/cases', FULL_CASE);
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/cases/${created.json().case.id}`;
      return { url, read: read(users['casemanager']!, url) };
    },
    patches: [
      { body: { person: { givenNameLatin: 'Aminah' } }, changes: ['person.givenNameLatin'] },
      { body: { person: { contact: { phone: '+212 661 999 888' } } }, changes: ['person.contact.phone'] },
      { body: { person: { familyNameLatin: null } }, changes: ['person.familyNameLatin'] },
      { body: { riskLevel: 'medium' }, changes: ['riskLevel', 'reflectionEndingSoon'] },
      { body: {}, changes: [] },
    ],
  },
  '/api/reports/:id': {
    user: 'hotline',
    async create() {
      const created = await users['hotline']!.post('/api/reports', FULL_REPORT);
      expect(created.statusCode, created.body).toBe(201);
      const url = `/api/reports/${created.json().id}`;
      return { url, read: read(users['hotline']!, url) };
    },
    patches: [
      { body: { narrative: 'Her sister works in a house in Agadir; she called again.' }, changes: ['narrative'] },
      { body: { peopleAtRisk: 3 }, changes: ['peopleAtRisk'] },
    ],
  },
  '/api/cases/:id/support-plans/:planId': {
    user: 'casemanager',
    async create() {
      const created = await users['casemanager']!.post('/api/cases', { person: { givenNameLatin: 'Plan', familyNameLatin: 'Holder' } });
      const caseId = created.json().case.id as string;
      const plan = await users['casemanager']!.post(`/api/cases/${caseId}/support-plans`, {
        type: 'Health', objectives: 'Medical follow-up', actionPlan: 'Weekly visits', plannedEndDate: '2026-06-30', actualEndDate: '2026-06-15',
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const planId = (plan.json().items as Json[])[0]!['id'] as string;
      return { url: `/api/cases/${caseId}/support-plans/${planId}`, read: read(users['casemanager']!, `/api/cases/${caseId}/support-plans`, itemWithId(planId)) };
    },
    patches: [{ body: { objectives: 'Medical and psychological follow-up' }, changes: ['objectives'] }],
  },
  '/api/providers/:id': {
    user: 'admin',
    async create() {
      const agencyId = (await demoAgencyIds(sanad)).get('shelter')!;
      const { id } = await createProviderVia(users['admin']!, {
        agencyId, nameAr: 'مأوى التحديث الجزئي', nameFr: 'Foyer de mise à jour partielle', nameEn: 'Partial update shelter', description: 'Safe housing', city: 'Fes', regions: ['MA-03'], languages: ['ar', 'fr'], targetGroups: ['women'],
        services: ['shelter', 'medical'], openingHours: '24/7', contactPhone: '+212 535 000 000', contactEmail: 'shelter@example.org',
      });
      const url = `/api/providers/${id}`;
      return { url, read: read(users['admin']!, url) };
    },
    patches: [{ body: { city: 'Meknes' }, changes: ['city'] }],
  },
  '/api/agencies/:id': {
    user: 'admin',
    async create() {
      const created = await users['admin']!.post('/api/agencies', { nameAr: 'جمعية التحديث الجزئي', nameFr: 'ONG de mise à jour partielle', nameEn: 'Partial update NGO', type: 'NGO', region: 'MA-01' });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      return { url: `/api/agencies/${id}`, read: read(users['admin']!, '/api/agencies?pageSize=200', itemWithId(id)) };
    },
    patches: [{ body: { nameEn: 'Partial update association' }, changes: ['nameEn'] }],
  },
  '/api/users/:id': {
    user: 'admin',
    async create() {
      const { rows } = await sanad.ctx.database.pool.query(`SELECT id FROM users WHERE username = 'analyst'`);
      const id = rows[0].id as string;
      return { url: `/api/users/${id}`, read: read(users['admin']!, '/api/users?q=analyst', itemWithId(id)) };
    },
    patches: [{ body: { displayName: 'Karim Lahlou (statistics)' }, changes: ['displayName'] }],
  },
  '/api/me': {
    user: 'analyst',
    async create() {
      return { url: '/api/me', read: read(users['analyst']!, '/api/me', (me) => me['user'] as Json) };
    },
    patches: [{ body: { locale: 'fr' }, changes: ['locale'] }],
  },
};

// Bookkeeping that every write moves on.
const VOLATILE = ['version', 'updatedAt'];

/** A copy without the given dotted paths. */
function without(record: Json, paths: string[]): Json {
  const copy = structuredClone(record);
  for (const path of [...paths, ...VOLATILE]) {
    const keys = path.split('.');
    let at: Json | undefined = copy;
    for (const key of keys.slice(0, -1)) at = at?.[key] as Json | undefined;
    if (at) delete at[keys.at(-1)!];
  }
  return copy;
}

describe('partial updates (PATCH)', () => {
  it('have a fixture for every PATCH route in the route table', () => {
    const patchRoutes = sanad.routes.filter((r) => r.method === 'PATCH').map((r) => r.url);
    expect(patchRoutes.length).toBeGreaterThan(5);
    expect(patchRoutes.filter((url) => !FIXTURES[url])).toEqual([]);
  });

  for (const [route, fixture] of Object.entries(FIXTURES)) {
    it(`keep every field not sent: PATCH ${route}`, async () => {
      const { url, read: readRecord } = await fixture.create();
      for (const { body, changes } of fixture.patches) {
        const before = await readRecord();
        const version = before['version'];
        const patch = await users[fixture.user]!.patch(url, version === undefined ? body : { version, ...body });
        expect(patch.statusCode, `${url} ${JSON.stringify(body)}: ${patch.body}`).toBe(200);
        const after = await readRecord();
        expect(without(after, changes), `${route} after ${JSON.stringify(body)}`).toEqual(without(before, changes));
        for (const path of changes.filter((p) => p !== 'reflectionEndingSoon')) {
          const sent = path.split('.').reduce<unknown>((at, key) => (at as Json)[key], body);
          const stored = path.split('.').reduce<unknown>((at, key) => (at as Json)[key], after);
          expect(stored, path).toEqual(sent);
        }
      }
    });
  }
});
