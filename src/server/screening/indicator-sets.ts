import { asc, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Indicator, IndicatorSet, UpdateIndicatorSetInput } from '@shared/api/screening.js';
import { recordAudit, SYSTEM_CONTEXT, type AuditContext } from '../audit/record-audit.js';
import type { Db, Tx } from '../db/database.js';
import { screeningIndicators, screeningIndicatorSets, screenings, users } from '../db/schema/index.js';
import { AppError, notFound } from '../http/app-error.js';
import type { Actor } from '../policies/authorize.js';
import { INDICATORS_V1, THRESHOLDS_V1 } from './indicators-v1.js';

type Handle = Db | Tx;
type SetRow = typeof screeningIndicatorSets.$inferSelect;

async function insertIndicators(tx: Tx, setId: string, indicators: readonly Indicator[]): Promise<void> {
  await tx.insert(screeningIndicators).values(indicators.map((item, position) => ({ setId, position, ...item })));
}

/**
 * Inserts indicator set version 1 when no set exists yet (every deployment
 * needs one, demo or not). Idempotent and safe against a concurrent caller:
 * the unique version makes the second insert a no-op.
 */
export async function ensureIndicatorSet(tx: Tx): Promise<void> {
  const [existing] = await tx.select({ id: screeningIndicatorSets.id }).from(screeningIndicatorSets).limit(1);
  if (existing) return;
  const [row] = await tx
    .insert(screeningIndicatorSets)
    .values({ version: 1, changeNote: 'Initial indicator set', thresholds: THRESHOLDS_V1 })
    .onConflictDoNothing()
    .returning({ id: screeningIndicatorSets.id });
  if (!row) return;
  await insertIndicators(tx, row.id, INDICATORS_V1);
  await recordAudit(tx, SYSTEM_CONTEXT, { action: 'screening.indicatorSetCreated', resourceType: 'screening_indicator_set', resourceId: row.id, details: { version: 1 } });
}

async function currentVersion(db: Handle): Promise<number | null> {
  const [row] = await db.select({ v: max(screeningIndicatorSets.version) }).from(screeningIndicatorSets);
  return row?.v ?? null;
}

async function presentSet(db: Handle, row: SetRow, current: number | null): Promise<IndicatorSet> {
  const items = await db.select().from(screeningIndicators).where(eq(screeningIndicators.setId, row.id)).orderBy(asc(screeningIndicators.position));
  const [creator] = row.createdBy ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy)) : [];
  return {
    id: row.id,
    version: row.version,
    isCurrent: row.version === current,
    changeNote: row.changeNote,
    createdAt: row.createdAt.toISOString(),
    createdByName: creator?.name ?? null,
    thresholds: row.thresholds,
    indicators: items.map(({ code, category, element, form, weight, strong, text }) => ({ code, category, element, form, weight, strong, text }) as Indicator),
  };
}

/** The indicator set new screenings use: the highest version (seeding v1 first if there is none). */
export async function loadCurrentIndicatorSet(tx: Tx): Promise<IndicatorSet> {
  await ensureIndicatorSet(tx);
  const [row] = await tx.select().from(screeningIndicatorSets).orderBy(desc(screeningIndicatorSets.version)).limit(1);
  return presentSet(tx, row!, row!.version);
}

/** One version by id (old screenings show the version they used), or 404. */
export async function loadIndicatorSet(db: Handle, id: string): Promise<IndicatorSet> {
  const [row] = await db.select().from(screeningIndicatorSets).where(eq(screeningIndicatorSets.id, id));
  if (!row) throw notFound('Indicator set');
  return presentSet(db, row, await currentVersion(db));
}

/** Every version, newest first, with how many screenings used it. */
export async function listIndicatorSetVersions(db: Handle) {
  const current = await currentVersion(db);
  const rows = await db
    .select({
      set: screeningIndicatorSets,
      createdByName: users.displayName,
      indicatorCount: sql<number>`(SELECT count(*)::int FROM screening_indicators i WHERE i.set_id = ${screeningIndicatorSets.id})`,
      screeningCount: count(screenings.id),
    })
    .from(screeningIndicatorSets)
    .leftJoin(users, eq(users.id, screeningIndicatorSets.createdBy))
    .leftJoin(screenings, eq(screenings.indicatorSetId, screeningIndicatorSets.id))
    .groupBy(screeningIndicatorSets.id, users.displayName)
    .orderBy(desc(screeningIndicatorSets.version));
  return rows.map(({ set, createdByName, indicatorCount, screeningCount }) => ({
    id: set.id,
    version: set.version,
    isCurrent: set.version === current,
    changeNote: set.changeNote,
    createdAt: set.createdAt.toISOString(),
    createdByName,
    indicatorCount: Number(indicatorCount),
    screeningCount: Number(screeningCount),
  }));
}

/**
 * Saves an edit of the current set as the next version. Versions are never
 * changed in place, so every screening keeps the exact questions it was run
 * with. Editing anything but the current version is a stale edit: 409.
 */
export async function createNextIndicatorSetVersion(tx: Tx, actor: Actor, audit: AuditContext, baseId: string, input: UpdateIndicatorSetInput): Promise<string> {
  // Serialise concurrent edits: the second waits, then sees that its base is no longer current.
  await tx.execute(sql`LOCK TABLE screening_indicator_sets IN SHARE ROW EXCLUSIVE MODE`);
  const [base] = await tx.select().from(screeningIndicatorSets).where(eq(screeningIndicatorSets.id, baseId));
  if (!base) throw notFound('Indicator set');
  if (base.version !== (await currentVersion(tx))) throw new AppError('CONFLICT', 'A newer version of the indicators exists; reload it and edit that one', { reason: 'indicator_set_outdated' });
  const version = base.version + 1;
  const [row] = await tx
    .insert(screeningIndicatorSets)
    .values({ version, changeNote: input.changeNote, thresholds: input.thresholds, createdBy: actor.userId })
    .returning({ id: screeningIndicatorSets.id });
  await insertIndicators(tx, row!.id, input.indicators);
  await recordAudit(tx, audit, {
    action: 'screening.indicatorSetCreated',
    resourceType: 'screening_indicator_set',
    resourceId: row!.id,
    changedFields: ['indicators', 'thresholds'],
    details: { version, fromVersion: base.version, indicators: input.indicators.length },
  });
  return row!.id;
}
