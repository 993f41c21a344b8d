import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateCaseInput, UpdateCaseInput } from '@shared/api/cases.js';
import { ctdcAgeBand } from '@shared/htcds/age-bands.js';
import type { Role } from '@shared/roles.js';
import { startTestSanad, type TestSanad } from '../test/harness.js';
import type { AuditContext } from '../audit/record-audit.js';
import type { Tx } from '../db/database.js';
import type { Actor } from '../policies/authorize.js';
import { createCase, updateCase } from './case-commands.js';
import { loadCaseInScope } from './case-scope.js';
import { seedCasesDemo } from './cases-demo.js';
import { loadPerson } from './person-identity.js';
import { ageOn, identificationYearOf } from './statistical-columns.js';

describe('CTDC age bands and ages', () => {
  it('puts each age in its CTDC band, edges included', () => {
    const bands = [0, 8, 9, 17, 18, 20, 21, 29, 30, 38, 39, 47, 48, 99].map(ctdcAgeBand);
    expect(bands).toEqual(['0-8', '0-8', '9-17', '9-17', '18-20', '18-20', '21-23', '27-29', '30-38', '30-38', '39-47', '39-47', '48+', '48+']);
    expect(() => ctdcAgeBand(-1)).toThrow();
  });

  it('counts whole years from a date of birth, else from the year, and gives up on implausible values', () => {
    expect(ageOn('2025-06-14', { birthDate: '2007-06-15', birthYear: 2007 })).toBe(17);
    expect(ageOn('2025-06-15', { birthDate: '2007-06-15', birthYear: 2007 })).toBe(18);
    expect(ageOn('2025-01-01', { birthDate: null, birthYear: 2007 })).toBe(18);
    expect(ageOn('2025-01-01', { birthDate: '0000-01-01', birthYear: 0 })).toBeNull();
    expect(ageOn('2025-01-01', { birthDate: null, birthYear: 2026 })).toBeNull();
    expect(ageOn('2025-01-01', { birthDate: null, birthYear: null })).toBeNull();
  });
});

describe('the identification year', () => {
  const stored = (traffickingStatus: string, identificationYear: number | null) => ({ traffickingStatus, identificationYear, statusDecidedAt: '2023-04-02', openedAt: '2022-01-10' });
  it('is set when the status first becomes presumed or identified, from a decision date sent with it, else the day', () => {
    expect(identificationYearOf({ status: 'possible', decidedAt: null, writtenOn: '2025-02-01' })).toBeNull();
    expect(identificationYearOf({ status: 'presumed', decidedAt: null, writtenOn: '2025-02-01' })).toBe(2025);
    expect(identificationYearOf({ status: 'identified', decidedAt: '2024-12-30', writtenOn: '2025-02-01' })).toBe(2024);
    expect(identificationYearOf({ status: 'identified', decidedAt: undefined, writtenOn: '2025-02-01', stored: stored('not_a_victim', null) })).toBe(2025);
  });

  it('is kept from presumed to identified, cleared when neither, and estimated for a case stored without it', () => {
    expect(identificationYearOf({ status: 'identified', decidedAt: '2026-01-05', writtenOn: '2026-01-05', stored: stored('presumed', 2024) })).toBe(2024);
    expect(identificationYearOf({ status: 'not_a_victim', decidedAt: undefined, writtenOn: '2026-01-05', stored: stored('identified', 2024) })).toBeNull();
    expect(identificationYearOf({ status: 'presumed', decidedAt: undefined, writtenOn: '2026-01-05', stored: stored('presumed', null) })).toBe(2023);
    expect(identificationYearOf({ status: 'presumed', decidedAt: undefined, writtenOn: '2026-01-05', stored: { ...stored('presumed', null), statusDecidedAt: null } })).toBe(2022);
  });
});

describe('writing a case stores the statistical columns in clear and the birth year only sealed', () => {
  let sanad: TestSanad;
  let manager: Actor;
  const audit: AuditContext = { actorUserId: null, actorUsername: 'test', actorAgencyId: null, actorRole: 'case_manager', ip: null, userAgent: 'statistical-columns.test' };
  const thisYear = new Date().getUTCFullYear();

  beforeAll(async () => {
    sanad = await startTestSanad({ demo: true });
    const { rows } = await sanad.ctx.database.pool.query(`SELECT id, agency_id FROM users WHERE username = 'casemanager'`);
    manager = { userId: rows[0].id, username: 'casemanager', agencyId: rows[0].agency_id, roles: ['case_manager'] as Role[] };
  });
  afterAll(async () => sanad?.close());

  const transaction = <T>(work: (tx: Tx) => Promise<T>) => sanad.ctx.database.db.transaction(work);
  const open = (input: CreateCaseInput) =>
    transaction((tx) => createCase(tx, sanad.ctx, manager, audit, { ...input, person: { givenNameLatin: 'Stat', familyNameLatin: 'Istic', ...input.person } }));
  const change = async (caseId: string, patch: Omit<UpdateCaseInput, 'version'>) => {
    const version = (await columnsOf(caseId)).version;
    await transaction(async (tx) => updateCase(tx, sanad.ctx, manager, audit, await loadCaseInScope(tx, manager, 'case.update', caseId), { ...patch, version }));
  };
  async function columnsOf(caseId: string) {
    const { rows } = await sanad.ctx.database.pool.query(
      'SELECT age_band, is_minor, identification_year, trafficking_status, version FROM cases WHERE id = $1',
      [caseId],
    );
    return rows[0] as { age_band: string | null; is_minor: boolean | null; identification_year: number | null; trafficking_status: string; version: number };
  }

  it('derives the age band and minority at opening, and no identification year for a possible victim', async () => {
    const { id } = await open({ openedAt: '2025-03-10', person: { birthDate: '2009-06-15' } });
    expect(await columnsOf(id)).toMatchObject({ age_band: '9-17', is_minor: true, identification_year: null });
  });

  it('sets the year on a change to identified that does not mention the birth year, and keeps the age', async () => {
    const { id } = await open({ openedAt: '2025-03-10', person: { birthYear: 1999 } });
    expect(await columnsOf(id)).toMatchObject({ age_band: '24-26', is_minor: false, identification_year: null });
    await change(id, { traffickingStatus: 'identified' });
    expect(await columnsOf(id)).toMatchObject({ age_band: '24-26', is_minor: false, identification_year: thisYear, trafficking_status: 'identified' });
    await change(id, { riskLevel: 'high' });
    expect(await columnsOf(id), 'an unrelated change keeps them').toMatchObject({ age_band: '24-26', identification_year: thisYear });
  });

  it('takes the decision date sent with the change, keeps it from presumed to identified, and clears it for not a victim', async () => {
    const { id } = await open({ openedAt: '2024-02-01', person: { birthYear: 2001 } });
    await change(id, { traffickingStatus: 'presumed', statusDecidedAt: '2024-11-20' });
    expect((await columnsOf(id)).identification_year).toBe(2024);
    await change(id, { traffickingStatus: 'identified', statusDecidedAt: '2025-05-02', statusDecidedBy: 'CourtOrProsecution' });
    expect((await columnsOf(id)).identification_year).toBe(2024);
    await change(id, { traffickingStatus: 'not_a_victim' });
    expect((await columnsOf(id)).identification_year).toBeNull();
  });

  it('follows a corrected birth year, and the opening year for a case opened as identified', async () => {
    const { id } = await open({ openedAt: '2023-09-01', traffickingStatus: 'identified', person: { birthYear: 2010 } });
    expect(await columnsOf(id)).toMatchObject({ age_band: '9-17', is_minor: true, identification_year: 2023 });
    await change(id, { person: { birthYear: 1970 } });
    expect(await columnsOf(id)).toMatchObject({ age_band: '48+', is_minor: false, identification_year: 2023 });
    await change(id, { person: { birthYear: null } });
    expect(await columnsOf(id), 'an unknown age').toMatchObject({ age_band: null, is_minor: null });
  });

  it('fills a case stored before the columns existed on its next write, whatever the change', async () => {
    const { id } = await open({ openedAt: '2022-05-05', traffickingStatus: 'presumed', person: { birthYear: 2006 } });
    await sanad.ctx.database.pool.query('UPDATE cases SET age_band = NULL, is_minor = NULL, identification_year = NULL WHERE id = $1', [id]);
    await change(id, { riskLevel: 'medium' });
    expect(await columnsOf(id)).toMatchObject({ age_band: '9-17', is_minor: true, identification_year: 2022 });
  });

  it('stores the birth date and year only sealed: no other column of the case or person holds them', async () => {
    const { id } = await open({ openedAt: '2025-03-10', person: { birthDate: '1987-03-14' } });
    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT to_jsonb(c) AS "case", to_jsonb(p) AS person FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1`,
      [id],
    );
    const plainValues = Object.entries({ ...rows[0].case, ...rows[0].person })
      .filter(([column]) => !column.endsWith('_enc'))
      .map(([, value]) => JSON.stringify(value));
    expect(plainValues.filter((value) => value.includes('1987'))).toEqual([]);
    expect(rows[0].case).toMatchObject({ age_band: '30-38', is_minor: false });
    const personId = rows[0].case.person_id as string;
    const sealed = await transaction((tx) => loadPerson(tx, sanad.ctx.keyring, personId));
    expect(sealed).toMatchObject({ birthDate: '1987-03-14', birthYear: 1987 });
  });

  it('gives every demo case its age band, and an identification year exactly when presumed or identified', async () => {
    const ids = await transaction((tx) => seedCasesDemo(tx, sanad.ctx));
    const { rows } = await sanad.ctx.database.pool.query(
      `SELECT count(*) FILTER (WHERE age_band IS NULL)::int AS no_band,
              count(*) FILTER (WHERE (identification_year IS NOT NULL) <> (trafficking_status IN ('presumed', 'identified')))::int AS wrong_year,
              count(DISTINCT age_band)::int AS bands
         FROM cases WHERE id = ANY ($1)`,
      [ids],
    );
    expect(rows[0]).toMatchObject({ no_band: 0, wrong_year: 0 });
    expect(rows[0].bands).toBeGreaterThanOrEqual(3);
  });
});
