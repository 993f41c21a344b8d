import { count } from 'drizzle-orm';
import { agencies, users } from '../db/schema/index.js';
import { encryptText } from '../crypto/encryption.js';
import { hashPassword } from '../auth/passwords.js';
import { TOTP_CONTEXT } from '../auth/two-factor.js';
import { recordAudit, SYSTEM_CONTEXT } from '../audit/record-audit.js';
import type { AppContext } from '../http/app-context.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './demo-accounts.js';

/** Seeds the demo agencies and one account per role, only into a database with no users. Returns whether it seeded. */
export async function seedDemoIfEmpty(ctx: Pick<AppContext, 'database' | 'keyring'>): Promise<boolean> {
  const { db } = ctx.database;
  const existing = await db.select({ n: count() }).from(users);
  if (existing[0]!.n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(agencies)
      .values(DEMO_AGENCIES.map(({ name, type, region }) => ({ name, type, region })))
      .returning({ id: agencies.id, name: agencies.name });
    const agencyId = new Map(DEMO_AGENCIES.map((a) => [a.key, inserted.find((row) => row.name === a.name)!.id]));
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        agencyId: agencyId.get(u.agency)!,
        roles: u.roles,
        locale: u.locale,
        passwordHash,
        // Pending, not enrolled: the first sign-in walks through enrolment with
        // the published demo secret, exactly as a real user would.
        totpPendingSecretEnc: encryptText(ctx.keyring, DEMO_TOTP_SECRET, TOTP_CONTEXT),
      })),
    );
    await recordAudit(tx, SYSTEM_CONTEXT, {
      action: 'user.created',
      details: { demo: true, agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length },
    });
  });
  return true;
}
