import { count } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { agencies, users } from '../db/schema/index.js';
import { seal } from '../crypto/encrypted-columns.js';
import { hashPassword } from '../auth/passwords.js';
import { recordAudit, SYSTEM_CONTEXT } from '../audit/record-audit.js';
import type { AppContext } from '../http/app-context.js';
import { seedProvidersDemo } from '../providers/providers-demo.js';
import { seedCasesDemo } from '../cases/cases-demo.js';
import { seedTransfersDemo } from '../cases/case-transfer-demo.js';
import { seedReportsDemo } from '../reports/reports-demo.js';
import { seedScreeningDemo } from '../screening/screening-demo.js';
import { seedReferralsDemo } from '../referrals/referrals-demo.js';
import { seedNotificationsDemo } from '../notifications/notifications-demo.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './demo-accounts.js';

type SeedContext = Pick<AppContext, 'database' | 'keyring'>;

/** Demo agency and user ids by their keys in demo-accounts.ts. */
export interface DemoRefs {
  agencyIds: Record<string, string>;
  userIds: Record<string, string>;
}

/** Inserts the demo agencies and one account per role. */
async function seedDemoAccounts(tx: Tx, ctx: SeedContext): Promise<DemoRefs> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const inserted = await tx
    .insert(agencies)
    .values(DEMO_AGENCIES.map(({ name, names, type, region }) => ({ name, nameAr: names.ar, nameFr: names.fr, nameEn: names.en, type, region })))
    .returning({ id: agencies.id, name: agencies.name });
  const agencyIds = Object.fromEntries(DEMO_AGENCIES.map((a) => [a.key, inserted.find((row) => row.name === a.name)!.id]));
  const createdUsers = await tx
    .insert(users)
    .values(
      DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        agencyId: agencyIds[u.agency]!,
        roles: u.roles,
        locale: u.locale,
        passwordHash,
        // Pending, not enrolled: the first sign-in walks through enrolment with
        // the published demo secret, exactly as a real user would.
        totpPendingSecretEnc: seal(ctx.keyring, users.totpPendingSecretEnc, DEMO_TOTP_SECRET),
      })),
    )
    .returning({ id: users.id, username: users.username });
  await recordAudit(tx, SYSTEM_CONTEXT, {
    action: 'user.created',
    details: { demo: true, agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length },
  });
  return { agencyIds, userIds: Object.fromEntries(createdUsers.map((u) => [u.username, u.id])) };
}

/**
 * A living pathway, in the order the pathway runs: providers, reports, cases,
 * the screenings that led to them, referrals and services, then the alerts
 * all of that raises.
 */
async function seedDemoPathway(tx: Tx, ctx: SeedContext, refs: DemoRefs): Promise<void> {
  const agencyKeys = new Map(Object.entries(refs.agencyIds));
  await seedProvidersDemo(tx, ctx, agencyKeys);
  const agencyIds = Object.fromEntries(agencyKeys);
  await seedReportsDemo(tx, ctx, { agencyIds, userIds: refs.userIds });
  await seedCasesDemo(tx, ctx, { agencyIds, userIds: refs.userIds });
  await seedTransfersDemo(tx, { agencyIds, userIds: refs.userIds });
  await seedScreeningDemo(tx, ctx, { agencyIds, userIds: refs.userIds });
  await seedReferralsDemo(tx, ctx, { agencyIds });
  await seedNotificationsDemo(tx, ctx);
}

/**
 * Seeds the demo into a database with no users: agencies, one account per
 * role and, unless `accountsOnly`, a realistic pathway. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(ctx: SeedContext, options: { accountsOnly?: boolean } = {}): Promise<boolean> {
  const { db } = ctx.database;
  const existing = await db.select({ n: count() }).from(users);
  if (existing[0]!.n > 0) return false;
  await db.transaction(async (tx) => {
    const refs = await seedDemoAccounts(tx, ctx);
    if (!options.accountsOnly) await seedDemoPathway(tx, ctx, refs);
  });
  return true;
}
