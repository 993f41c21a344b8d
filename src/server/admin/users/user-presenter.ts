import { aliasedTable, and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { PendingGrantSummary, RoleGrant, UserSummary } from '@shared/api/admin.js';
import type { Locale } from '@shared/locales.js';
import type { Role } from '@shared/roles.js';
import type { Db, Tx } from '../../db/database.js';
import { agencies, roleGrants, userActivations, users } from '../../db/schema/index.js';

const requesters = aliasedTable(users, 'requesters');
const grantAgencies = aliasedTable(agencies, 'grant_agencies');

/** The columns of a user row the administration screens show (never a secret). */
export const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  agencyId: users.agencyId,
  agencyName: agencies.name,
  roles: users.roles,
  locale: users.locale,
  disabled: users.disabled,
  totpSecretEnc: users.totpSecretEnc,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] | (K extends 'totpSecretEnc' | 'lastLoginAt' ? null : never) };

/**
 * Pending grants, with what `viewerId` may do with each: the requester and the
 * user it is for may reject but never approve (the two-person rule).
 */
export async function pendingGrants(db: Db | Tx, viewerId: string, where?: SQL): Promise<RoleGrant[]> {
  const rows = await db
    .select({ grant: roleGrants, username: users.username, displayName: users.displayName, agencyName: grantAgencies.name, requestedBy: requesters.username })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .innerJoin(grantAgencies, eq(grantAgencies.id, roleGrants.agencyId))
    .innerJoin(requesters, eq(requesters.id, roleGrants.requestedBy))
    .where(and(eq(roleGrants.status, 'pending'), where))
    .orderBy(roleGrants.requestedAt);
  return rows.map((row) => ({
    id: row.grant.id,
    userId: row.grant.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.grant.roles as Role[],
    agencyId: row.grant.agencyId,
    agencyName: row.agencyName,
    cause: row.grant.cause as PendingGrantSummary['cause'],
    requestedBy: row.requestedBy,
    requestedAt: row.grant.requestedAt.toISOString(),
    allowedActions: viewerId === row.grant.requestedBy || viewerId === row.grant.userId ? ['reject'] : ['approve', 'reject'],
  }));
}

/** Turns user rows into summaries, with their pending grant and activation state (two set-based queries, whatever the page size). */
export async function presentUsers(db: Db | Tx, rows: SummaryRow[], viewerId: string): Promise<UserSummary[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [grants, activations] = await Promise.all([
    pendingGrants(db, viewerId, inArray(roleGrants.userId, ids)),
    db
      .select({ userId: userActivations.userId, expiresAt: userActivations.expiresAt })
      .from(userActivations)
      .where(and(inArray(userActivations.userId, ids), isNull(userActivations.usedAt), isNull(userActivations.revokedAt))),
  ]);
  const grantOf = new Map<string, PendingGrantSummary>(
    grants.map((g) => [g.userId, { id: g.id, roles: g.roles, agencyId: g.agencyId, agencyName: g.agencyName, cause: g.cause, requestedBy: g.requestedBy, requestedAt: g.requestedAt, allowedActions: g.allowedActions }]),
  );
  const activationOf = new Map(activations.map((a) => [a.userId, a.expiresAt.getTime() > Date.now() ? ('pending' as const) : ('expired' as const)]));
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    roles: row.roles as Role[],
    locale: row.locale as Locale,
    disabled: row.disabled,
    twoFactorEnabled: row.totpSecretEnc !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    pendingGrant: grantOf.get(row.id) ?? null,
    activation: activationOf.get(row.id) ?? null,
  }));
}

/** One user's summary as `viewerId` sees it. */
export async function loadUserSummary(db: Db | Tx, id: string, viewerId: string): Promise<UserSummary | null> {
  const rows = await db.select(summaryColumns).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id));
  const [summary] = await presentUsers(db, rows, viewerId);
  return summary ?? null;
}
