import type pg from 'pg';
import { EXPLOITATION_FORMS } from '../src/shared/htcds/victim.js';
import { REGION_CODES } from '../src/shared/geo/regions.js';
import type { Keyring } from '../src/server/crypto/keyring.js';
import { nameLookupKey } from '../src/server/cases/person-identity.js';
import { benchId, cipherPool, FAMILY_NAMES, GIVEN_NAMES, NAME_COMBINATIONS, nameOfCombination, NARRATIVES, type ScaleRefs } from './seed-refs.js';

const CASE_ID = benchId('case', 'i');
const PERSON_ID = benchId('person', 'i');
// Row numbers in case numbers and references start high, clear of the sequences the app uses.
const NUMBER_OFFSET = 500_000;

/** The ciphertexts and blind-index keys the generated persons and cases reuse. */
interface CasePools {
  givenLat: string[];
  familyLat: string[];
  birthYear: string[];
  fullNameKeys: string[];
  reversedNameKeys: string[];
  familyNameKeys: string[];
  eventDescriptions: string[];
  followUpPurposes: string[];
}

function casePools(keyring: Keyring): CasePools {
  const combos = Array.from({ length: NAME_COMBINATIONS }, (_, c) => nameOfCombination(c));
  return {
    givenLat: cipherPool(keyring, 'person.given_name_lat', GIVEN_NAMES),
    familyLat: cipherPool(keyring, 'person.family_name_lat', FAMILY_NAMES),
    birthYear: cipherPool(keyring, 'person.birth_year', Array.from({ length: 30 }, (_, k) => String(1980 + k))),
    fullNameKeys: combos.map(({ given, family }) => nameLookupKey(keyring, `${given} ${family}`)),
    reversedNameKeys: combos.map(({ given, family }) => nameLookupKey(keyring, `${family} ${given}`)),
    familyNameKeys: FAMILY_NAMES.map((family) => nameLookupKey(keyring, family)),
    eventDescriptions: cipherPool(keyring, 'trafficking_event.description', NARRATIVES),
    followUpPurposes: cipherPool(keyring, 'follow_up.purpose', ['Check on housing', 'Accompany to the hospital', 'Call about the hearing date', 'Review the support plan']),
  };
}

let pools: CasePools | undefined;

/** The search term that finds the persons of combination 0 (about 1 in NAME_COMBINATIONS persons). */
export function sampleSearchName(): string {
  const { given, family } = nameOfCombination(0);
  return `${given} ${family}`;
}

/**
 * Inserts cases `from` … `to - 1`, each with its person (encrypted names, blind
 * indexes), two trafficking events, one or two consents, and for some an
 * assignment, a follow-up and referrals to the generated providers. Set-based:
 * one INSERT … SELECT FROM generate_series per table.
 */
export async function seedCases(pool: pg.Pool, keyring: Keyring, refs: ScaleRefs, from: number, to: number, providerCount: number): Promise<void> {
  pools ??= casePools(keyring);
  const p = pools;
  const { agency, user } = refs;
  const range = [from, to - 1];
  await pool.query(
    `INSERT INTO persons (id, given_name_lat_enc, family_name_lat_enc, birth_year_enc, birth_year_estimated, sex, citizenships, languages, created_at, updated_at)
     SELECT ${PERSON_ID}, ($3::text[])[1 + (i % ${NAME_COMBINATIONS}) % ${GIVEN_NAMES.length}],
            ($4::text[])[1 + (i % ${NAME_COMBINATIONS}) / ${GIVEN_NAMES.length}], ($5::text[])[1 + i % 30], i % 2 = 0,
            (ARRAY['Feminine', 'Masculine', 'Feminine', 'NonSpecifiedUnknown'])[1 + i % 4],
            ARRAY[(ARRAY['MA', 'NG', 'CM', 'CI', 'SN', 'GN', 'SY', 'PH'])[1 + i % 8]],
            ARRAY[(ARRAY['ar', 'en', 'fr', 'fr', 'fr', 'fr', 'ar', 'tl'])[1 + i % 8]],
            now() - make_interval(days => i % 1500), now() - make_interval(days => i % 1500)
       FROM generate_series($1::int, $2::int) AS i`,
    [...range, p.givenLat, p.familyLat, p.birthYear],
  );
  await pool.query(
    `INSERT INTO person_index_keys (person_id, kind, key)
     SELECT ${PERSON_ID}, 'name', k
       FROM generate_series($1::int, $2::int) AS i,
            LATERAL unnest(ARRAY[($3::text[])[1 + i % ${NAME_COMBINATIONS}], ($4::text[])[1 + i % ${NAME_COMBINATIONS}],
                                 ($5::text[])[1 + (i % ${NAME_COMBINATIONS}) / ${GIVEN_NAMES.length}]]) AS k`,
    [...range, p.fullNameKeys, p.reversedNameKeys, p.familyNameKeys],
  );
  // 40 % police (the responder's agency), 30 % gendarmerie, 20 % labour inspection, 10 % social unit;
  // the case manager manages 30 % and is assigned to another 5 %.
  await pool.query(
    `INSERT INTO cases (id, case_number, person_id, status, owner_agency_id, case_manager_id, created_by, region, risk_level,
                        reflection_start, reflection_end, trafficking_status, age_when_trafficked, exploitation_forms,
                        trafficking_scope, closure_reason, closed_at, opened_at, created_at, updated_at)
     SELECT ${CASE_ID}, 'SAN-' || to_char(d.opened, 'YYYY') || '-' || lpad((${NUMBER_OFFSET} + i)::text, 7, '0'), ${PERSON_ID}, s.status,
            CASE WHEN i % 10 < 4 THEN $3::uuid WHEN i % 10 < 7 THEN $4::uuid WHEN i % 10 < 9 THEN $5::uuid ELSE $6::uuid END,
            CASE WHEN i % 10 IN (2, 5, 9) THEN $7::uuid END,
            CASE WHEN i % 10 < 4 THEN $8::uuid WHEN i % 10 = 9 THEN $7::uuid ELSE $9::uuid END,
            ($10::text[])[1 + i % 12], (ARRAY['low', 'medium', 'high', 'critical'])[1 + i % 4],
            CASE WHEN i % 5 = 0 THEN d.opened END, CASE WHEN i % 5 = 0 THEN d.opened + 30 END,
            (ARRAY['possible', 'presumed', 'identified', 'identified', 'not_a_victim'])[1 + (i / 3) % 5], 14 + i % 30,
            ARRAY[($11::text[])[1 + i % 10]], (ARRAY['domestic', 'transnational'])[1 + i % 2],
            CASE WHEN s.status LIKE 'Closed%' THEN 'ReintegrationCompleted' END, CASE WHEN s.status LIKE 'Closed%' THEN now() END,
            d.opened, d.opened::timestamptz, d.opened::timestamptz
       FROM generate_series($1::int, $2::int) AS i,
            LATERAL (SELECT CURRENT_DATE - (i % 1500) AS opened) d,
            LATERAL (SELECT (ARRAY['Active', 'Active', 'Active', 'Active', 'Active', 'Active', 'FollowUp', 'FollowUp', 'Closed', 'ClosedReferred'])[1 + (i / 10) % 10] AS status) s`,
    [...range, agency['police'], agency['gendarmerie'], agency['labour'], agency['social'], user['casemanager'], user['responder'], user['admin'], [...REGION_CODES], [...EXPLOITATION_FORMS]],
  );
  await pool.query(
    `INSERT INTO case_assignments (case_id, user_id, assigned_by, assigned_at)
     SELECT ${CASE_ID}, $3::uuid, $4::uuid, now() FROM generate_series($1::int, $2::int) AS i WHERE i % 20 = 7`,
    [...range, user['casemanager'], user['responder']],
  );
  const generated = `generate_series($1::int, $2::int) AS i JOIN cases c ON c.id = ${CASE_ID}`;
  await pool.query(
    `INSERT INTO trafficking_events (case_id, type, country, region, start_date, description_enc, created_by, created_at)
     SELECT c.id, t.type, CASE WHEN t.type = 'Recruitment' THEN p.citizenships[1] ELSE 'MA' END,
            CASE WHEN t.type = 'Exploitation' THEN c.region END, c.opened_at - t.days_before, ($3::text[])[1 + i % ${NARRATIVES.length}], c.created_by, c.created_at
       FROM ${generated} JOIN persons p ON p.id = c.person_id
            CROSS JOIN (VALUES ('Recruitment', 300), ('Exploitation', 200)) AS t(type, days_before)`,
    [...range, p.eventDescriptions],
  );
  await pool.query(
    `INSERT INTO case_consents (case_id, type, agency_id, method, given_at, recorded_by, recorded_at)
     SELECT c.id, 'services', NULL, 'signed', c.created_at, c.created_by, c.created_at FROM ${generated}
     UNION ALL
     SELECT c.id, 'share_with_organisation', $3::uuid, 'verbal_with_witness', c.created_at, c.created_by, c.created_at FROM ${generated} WHERE i % 3 = 0`,
    [...range, agency['shelter']],
  );
  await pool.query(
    `INSERT INTO case_follow_ups (case_id, due_date, purpose_enc, assignee_id, done_at, done_by, created_by)
     SELECT c.id, CURRENT_DATE + (i % 60) - 30, ($3::text[])[1 + i % 4], c.created_by,
            CASE WHEN i % 6 = 0 THEN now() END, CASE WHEN i % 6 = 0 THEN c.created_by END, c.created_by
       FROM ${generated} WHERE i % 2 = 0 AND c.status IN ('Active', 'FollowUp')`,
    [...range, p.followUpPurposes],
  );
  await seedReferrals(pool, from, to, providerCount);
}

/** One referral for every fourth case, to a generated provider, in every status of the lifecycle. */
async function seedReferrals(pool: pg.Pool, from: number, to: number, providerCount: number): Promise<void> {
  await pool.query(
    `INSERT INTO referrals (reference, case_id, provider_id, receiving_agency_id, referring_agency_id, referred_by, service_type, urgency, reason,
                           shared_fields, status, sent_at, accepted_at, started_at, completed_at, declined_at, cancelled_at, responded_by, decline_reason)
     SELECT 'RF-' || to_char(c.opened_at, 'YYYY') || '-' || lpad((${NUMBER_OFFSET} + i)::text, 7, '0'), c.id, sp.id, sp.agency_id, c.owner_agency_id,
            c.created_by, ps.service_type, (ARRAY['emergency', 'urgent', 'routine', 'routine'])[1 + (i / 4) % 4], 'AdditionalServicesRequired',
            ARRAY['sex', 'birth_year', 'languages', 'needs_summary'], st.status, r.sent,
            CASE WHEN st.status IN ('accepted', 'in_progress', 'completed') THEN r.sent + interval '5 hours' END,
            CASE WHEN st.status IN ('in_progress', 'completed') THEN r.sent + interval '2 days' END,
            CASE WHEN st.status = 'completed' THEN r.sent + interval '20 days' END,
            CASE WHEN st.status = 'declined' THEN r.sent + interval '1 day' END,
            CASE WHEN st.status = 'cancelled' THEN r.sent + interval '1 day' END,
            CASE WHEN st.status NOT IN ('sent', 'cancelled') THEN c.created_by END,
            CASE WHEN st.status = 'declined' THEN 'no_capacity' END
       FROM generate_series($1::int, $2::int) AS i
            JOIN cases c ON c.id = ${CASE_ID}
            JOIN service_providers sp ON sp.id = ${benchId('provider', '(i % $3::int)')}
            CROSS JOIN LATERAL (SELECT service_type FROM provider_services WHERE provider_id = sp.id ORDER BY service_type LIMIT 1) ps
            CROSS JOIN LATERAL (SELECT (ARRAY['sent', 'sent', 'sent', 'accepted', 'in_progress', 'in_progress', 'completed', 'completed', 'declined', 'cancelled'])[1 + (i / 4) % 10] AS status) st
            CROSS JOIN LATERAL (SELECT LEAST(now() - interval '1 hour', c.created_at + make_interval(hours => 24 + i % 500)) AS sent) r
      WHERE i % 4 = 0`,
    [from, to - 1, providerCount],
  );
}
