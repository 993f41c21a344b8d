import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Action } from '@shared/actions.js';
import type { CaseDetail } from '@shared/api/cases.js';
import type { Tx } from '../db/database.js';
import { agencies, cases, persons, users } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';
import type { StoredConsent } from './consent.js';

/** A timestamp as JavaScript's toISOString() writes it, so JSON-built rows read like driver-mapped ones. */
const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const managers = alias(users, 'case_manager');
const creators = alias(users, 'case_creator');

/** The users assigned to the case in the outer query, first assigned first, as one JSON array. */
const assignmentsOfCase = sql<CaseDetail['assignments']>`coalesce((
  SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name, 'agencyName', ag.name,
                                    'assignedAt', ${iso(sql`ca.assigned_at`)}) ORDER BY ca.assigned_at)
    FROM case_assignments ca JOIN users u ON u.id = ca.user_id JOIN agencies ag ON ag.id = u.agency_id
   WHERE ca.case_id = ${cases.id}), '[]'::json)`;

/** The consents of the case in the outer query, in the order they were given, as one JSON array. */
const consentsOfCase = sql<StoredConsent[]>`coalesce((
  SELECT json_agg(json_build_object('id', cc.id, 'type', cc.type, 'agencyId', cc.agency_id, 'agencyName', ag.name,
                                    'method', cc.method, 'givenAt', ${iso(sql`cc.given_at`)}, 'recordedByName', u.display_name,
                                    'revokedAt', ${iso(sql`cc.revoked_at`)}, 'guardianNameEnc', cc.guardian_name_enc,
                                    'guardianRelationship', cc.guardian_relationship) ORDER BY cc.given_at, cc.recorded_at)
    FROM case_consents cc JOIN users u ON u.id = cc.recorded_by LEFT JOIN agencies ag ON ag.id = cc.agency_id
   WHERE cc.case_id = ${cases.id}), '[]'::json)`;

/** Everything the case page shows, read together. */
export interface LoadedCaseDetail {
  row: CaseRow;
  person: typeof persons.$inferSelect;
  ownerAgencyName: string;
  caseManagerName: string | null;
  createdByName: string;
  assignments: CaseDetail['assignments'];
  consents: StoredConsent[];
}

/**
 * Loads a case for its page in one statement, if the actor may take `action` on
 * it (else 404, as loadCaseInScope): the case, its person, the names around it,
 * its assignments and its consents. One round trip, because this is the most
 * read page of the system and each trip costs more than the SQL it carries.
 */
export async function loadCaseDetailInScope(tx: Tx, actor: Actor, action: Action, caseId: string): Promise<LoadedCaseDetail> {
  const [loaded] = await tx
    .select({
      row: cases,
      person: persons,
      ownerAgencyName: agencies.name,
      caseManagerName: managers.displayName,
      createdByName: creators.displayName,
      assignments: assignmentsOfCase,
      consents: consentsOfCase,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .innerJoin(creators, eq(creators.id, cases.createdBy))
    .leftJoin(managers, eq(managers.id, cases.caseManagerId))
    .where(and(eq(cases.id, caseId), inScope(actor, action, 'case')));
  if (!loaded) throw notFound('Case');
  return loaded;
}
