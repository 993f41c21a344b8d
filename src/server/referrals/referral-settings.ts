import { eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_RESPONSE_HOURS, referralSettings, type ReferralSettings } from '@shared/api/referrals.js';
import { recordAudit, type AuditContext } from '../audit/record-audit.js';
import type { Db, Tx } from '../db/database.js';
import { referrals, systemSettings } from '../db/schema/index.js';

const SETTINGS_KEY = 'referrals.responseHours';

/** The response times in force (defaults until an administrator changes them). */
export async function loadReferralSettings(tx: Tx | Db): Promise<ReferralSettings> {
  const [row] = await tx.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, SETTINGS_KEY));
  const parsed = referralSettings.shape.responseHours.safeParse(row?.value);
  return { responseHours: parsed.success ? parsed.data : DEFAULT_RESPONSE_HOURS };
}

/** Stores new response times (audited; only hours, nothing personal). */
export async function saveReferralSettings(tx: Tx, audit: AuditContext, settings: ReferralSettings): Promise<void> {
  await tx
    .insert(systemSettings)
    .values({ key: SETTINGS_KEY, value: settings.responseHours })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: settings.responseHours, updatedAt: new Date() } });
  await recordAudit(tx, audit, { action: 'referral.settingsUpdated', resourceType: 'settings', resourceId: SETTINGS_KEY, details: { ...settings.responseHours } });
}

/** SQL for when a referral's answer is due: sent_at plus the response time of its urgency. */
export function dueAtExpression(settings: ReferralSettings): SQL<Date> {
  const h = settings.responseHours;
  return sql<Date>`(${referrals.sentAt} + make_interval(secs => (CASE ${referrals.urgency}
    WHEN 'emergency' THEN ${h.emergency}::float8 WHEN 'urgent' THEN ${h.urgent}::float8 ELSE ${h.routine}::float8 END) * 3600))`;
}

/** When an answer to a referral sent at `sentAt` with `urgency` is due. */
export function dueAtOf(settings: ReferralSettings, sentAt: Date, urgency: string): Date {
  const hours = settings.responseHours[urgency as keyof ReferralSettings['responseHours']] ?? settings.responseHours.routine;
  return new Date(sentAt.getTime() + hours * 3_600_000);
}
