import type pg from 'pg';
import { REGION_CODES } from '../src/shared/geo/regions.js';
import { SERVICE_TYPES, TARGET_GROUPS } from '../src/shared/api/providers.js';
import type { Keyring } from '../src/server/crypto/keyring.js';
import { benchId, cipherPool, NARRATIVES, type ScaleRefs } from './seed-refs.js';

/**
 * Inserts `count` service points (md5('bench-provider-' || p) ids) run by the
 * demo shelter, legal aid, IOM and social unit, each offering three services;
 * shelters get bed capacity. Set-based, like every generator here.
 */
export async function seedProviders(pool: pg.Pool, refs: ScaleRefs, count: number): Promise<void> {
  const { agency, user } = refs;
  await pool.query(
    `INSERT INTO service_providers (id, agency_id, name, description, city, regions, serves_nationally, languages, target_groups, opening_hours,
                                    contact_phone, active, created_by)
     SELECT ${benchId('provider', 'p')}, ($2::uuid[])[1 + p % 4], 'Service point ' || lpad(p::text, 5, '0'), 'Generated for benchmarks',
            (ARRAY['Casablanca', 'Rabat', 'Tangier', 'Agadir', 'Oujda', 'Fes', 'Marrakech', 'Laayoune'])[1 + p % 8],
            ARRAY[($3::text[])[1 + p % 12], ($3::text[])[1 + (p + 1) % 12]], p % 25 = 0,
            CASE p % 4 WHEN 0 THEN ARRAY['ar', 'fr'] WHEN 1 THEN ARRAY['ar', 'fr', 'en'] WHEN 2 THEN ARRAY['ar'] ELSE ARRAY['fr', 'en', 'es'] END,
            ARRAY[($4::text[])[1 + p % 6], ($4::text[])[1 + (p + 2) % 6]], 'Mon-Fri 9:00-17:00', '+212 5' || lpad(p::text, 8, '0'),
            p % 20 <> 0, $5::uuid
       FROM generate_series(0, $1::int - 1) AS p`,
    [count, [agency['shelter'], agency['legalaid'], agency['iom'], agency['social']], [...REGION_CODES], [...TARGET_GROUPS], user['admin']],
  );
  await pool.query(
    `INSERT INTO provider_services (provider_id, service_type)
     SELECT DISTINCT ${benchId('provider', 'p')}, ($2::text[])[1 + (p * k) % 12]
       FROM generate_series(0, $1::int - 1) AS p, (VALUES (1), (5), (7)) AS m(k)
     ON CONFLICT DO NOTHING`,
    [count, [...SERVICE_TYPES]],
  );
  await pool.query(
    `INSERT INTO shelter_capacity (provider_id, beds_total, beds_occupied, updated_by)
     SELECT ps.provider_id, 10 + p % 30, (p * 7) % (11 + p % 30), $2::uuid
       FROM generate_series(0, $1::int - 1) AS p
       JOIN provider_services ps ON ps.provider_id = ${benchId('provider', 'p')} AND ps.service_type = 'shelter'`,
    [count, user['admin']],
  );
}

/**
 * Inserts `count` reports (hotline calls and online reports in every status)
 * with encrypted narratives from a small ciphertext pool, and emergency
 * dispatches of every fifth to the police unit, every seventh to the gendarmerie.
 */
export async function seedReports(pool: pg.Pool, keyring: Keyring, refs: ScaleRefs, count: number): Promise<void> {
  const narratives = cipherPool(keyring, 'report.narrative', NARRATIVES);
  const contacts = cipherPool(keyring, 'report.reporter_contact', ['+212 600 000 001', 'call back after 18:00', 'email via the hotline only']);
  await pool.query(
    `INSERT INTO reports (id, reference, kind, channel, status, urgency, received_at, caller_type, language, region, narrative_enc, reporter_contact_enc,
                          exploitation_forms, people_at_risk, minors_involved, closure_reason, closed_at, owner_agency_id, created_by, created_at, updated_at)
     SELECT ${benchId('report', 'i')}, 'R-' || to_char(r.received, 'YYYY') || '-' || lpad((500000 + i)::text, 7, '0'),
            (ARRAY['trafficking_suspicion', 'trafficking_suspicion', 'smuggling_suspicion', 'information_request'])[1 + i % 4],
            (ARRAY['hotline_call', 'hotline_call', 'online_form', 'walk_in', 'agency_referral'])[1 + i % 5], s.status,
            (ARRAY['standard', 'standard', 'urgent', 'immediate_danger'])[1 + (i / 5) % 4], r.received,
            (ARRAY['victim', 'relative', 'witness', 'professional', 'anonymous'])[1 + i % 5], 'ar',
            ($2::text[])[1 + i % 12], ($3::text[])[1 + i % ${NARRATIVES.length}], CASE WHEN i % 3 = 0 THEN ($4::text[])[1 + i % 3] END,
            ARRAY[(ARRAY['sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging'])[1 + i % 4]], 1 + i % 6, i % 7 = 0,
            CASE WHEN s.status = 'closed' THEN 'no_trafficking_indicators' END, CASE WHEN s.status = 'closed' THEN r.received + interval '3 days' END,
            CASE WHEN i % 5 <> 2 THEN $5::uuid END, CASE WHEN i % 5 <> 2 THEN $6::uuid END, r.received, r.received
       FROM generate_series(0, $1::int - 1) AS i,
            LATERAL (SELECT now() - make_interval(mins => i * 7) AS received) r,
            LATERAL (SELECT CASE WHEN i < 2000 THEN (ARRAY['new', 'triaged', 'dispatched', 'screening_requested'])[1 + i % 4]
                                 ELSE (ARRAY['linked', 'closed', 'closed'])[1 + i % 3] END AS status) s`,
    [count, [...REGION_CODES], narratives, contacts, refs.agency['hotline'], refs.user['hotline']],
  );
  await pool.query(
    `INSERT INTO report_dispatches (report_id, purpose, agency_id, dispatched_at, dispatched_by, acknowledged_at, acknowledged_by)
     SELECT r.id, 'emergency', a.agency_id, r.received_at + interval '10 minutes', $2::uuid,
            CASE WHEN i % 3 <> 0 THEN r.received_at + interval '30 minutes' END, CASE WHEN i % 3 <> 0 THEN $3::uuid END
       FROM generate_series(0, $1::int - 1) AS i
       JOIN reports r ON r.id = ${benchId('report', 'i')}
       CROSS JOIN LATERAL (SELECT $4::uuid AS agency_id WHERE i % 5 = 0 UNION ALL SELECT $5::uuid WHERE i % 7 = 0) a`,
    [count, refs.user['hotline'], refs.user['responder'], refs.agency['police'], refs.agency['gendarmerie']],
  );
}
