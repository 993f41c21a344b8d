import type pg from 'pg';

type Pool = pg.Pool;

/** The id and agency of a demo user (tests only). */
export async function demoUser(pool: Pick<Pool, 'query'>, username: string): Promise<{ id: string; agencyId: string }> {
  const { rows } = await pool.query(`SELECT id, agency_id FROM users WHERE username = $1`, [username]);
  return { id: rows[0].id, agencyId: rows[0].agency_id };
}

/** Inserts a bare case (no identity) owned by an agency, for notification tests. */
export async function insertFixtureCase(
  pool: Pick<Pool, 'query'>,
  input: { caseNumber: string; ownerAgencyId: string; createdBy: string; caseManagerId?: string | null; status?: string; reflectionEnd?: string | null; alertDays?: number },
): Promise<string> {
  const person = await pool.query(`INSERT INTO persons DEFAULT VALUES RETURNING id`);
  const { rows } = await pool.query(
    `INSERT INTO cases (case_number, person_id, owner_agency_id, created_by, case_manager_id, status, reflection_start, reflection_end, reflection_alert_days)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::date IS NULL THEN NULL ELSE $7::date - 30 END, $7::date, $8) RETURNING id`,
    [input.caseNumber, person.rows[0].id, input.ownerAgencyId, input.createdBy, input.caseManagerId ?? null, input.status ?? 'Active', input.reflectionEnd ?? null, input.alertDays ?? 7],
  );
  return rows[0].id;
}

/** The calendar day `days` after `from` (UTC), as a date column stores it. */
export function dayAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
