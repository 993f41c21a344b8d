import { z } from 'zod';
import { AGENCY_TYPES } from '../agencies.js';
import { LOCALES } from '../locales.js';
import { ROLES } from '../roles.js';

export const agency = z.object({
  id: z.string().uuid(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  region: z.string().nullable(),
  disabled: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof agency>;

export const agencyBody = z.object({
  name: z.string().trim().min(2).max(200),
  type: z.enum(AGENCY_TYPES),
  region: z.string().trim().max(100).nullable().optional(),
});
export const agencyPatch = agencyBody.partial().extend({ disabled: z.boolean().optional() });

export const userSummary = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.string().uuid(),
  agencyName: z.string(),
  roles: z.array(z.enum(ROLES)),
  locale: z.enum(LOCALES),
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/);

export const createUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  agencyId: z.string().uuid(),
  roles: z.array(z.enum(ROLES)).min(1),
  locale: z.enum(LOCALES).default('ar'),
  password: z.string().min(1).max(1000),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  agencyId: z.string().uuid().optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  disabled: z.boolean().optional(),
});

export const userListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  agencyId: z.string().uuid().optional(),
});

export const auditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  agencyName: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditListQuery = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  resourceId: z.string().max(100).optional(),
});

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  reason: z.string().nullable(),
});
