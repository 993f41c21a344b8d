import { z } from 'zod';
import { LOCALES } from '../locales.js';
import { ROLES } from '../roles.js';
import { AGENCY_TYPES } from '../agencies.js';
import { line, secret } from './fields.js';

export const loginBody = z.object({
  username: line(100, 1),
  password: secret(1000),
});

/** What the client must do next after a correct password. */
export const loginResponse = z.object({
  twoFactor: z.enum(['required', 'enrol', 'none']),
});

export const twoFactorBody = z.object({ code: z.string().trim().regex(/^\d{6}$/) });

export const enrolmentResponse = z.object({
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
  secret: z.string(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    roles: z.array(z.enum(ROLES)),
    twoFactorEnabled: z.boolean(),
    agency: z.object({ id: z.string().uuid(), name: z.string(), type: z.enum(AGENCY_TYPES) }),
  }),
  /** Actions this user may perform somewhere in the system; the UI hides what would fail. */
  permissions: z.array(z.string()),
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const updateProfileBody = z.object({
  displayName: line(200, 1).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const changePasswordBody = z.object({
  currentPassword: secret(1000),
  newPassword: secret(1000),
});

export const publicConfigResponse = z.object({
  demo: z.boolean(),
  defaultLocale: z.enum(LOCALES),
});
