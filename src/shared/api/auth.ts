import { z } from 'zod';
import { LOCALES } from '../locales.js';
import { COUNTRY_CODES } from '../htcds/countries.js';
import { ROLES } from '../roles.js';
import { AGENCY_TYPES } from '../agencies.js';
import { activateBody } from './activation.js';
import { defineContract } from './contract.js';
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
  /** Countries this deployment does not offer in its pickers. */
  countriesWithheld: z.array(z.enum(COUNTRY_CODES)),
  /** Days after closure before a report that led to no case loses its personal content (the public page says so). */
  publicReportRetentionDays: z.number().int().positive(),
});

const ok = z.object({ ok: z.literal(true) });

/** Sign-in, second factor, activation, sign-out, one's own profile and the public configuration. */
export const authApi = {
  login: defineContract({ method: 'POST', path: '/api/auth/login', tag: 'auth', body: loginBody, response: loginResponse }),
  activate: defineContract({ method: 'POST', path: '/api/auth/activate', tag: 'auth', body: activateBody, response: loginResponse }),
  enrol: defineContract({ method: 'GET', path: '/api/auth/2fa/enrol', tag: 'auth', response: enrolmentResponse }),
  verifyCode: defineContract({ method: 'POST', path: '/api/auth/2fa', tag: 'auth', body: twoFactorBody, response: ok }),
  logout: defineContract({ method: 'POST', path: '/api/auth/logout', tag: 'auth', response: ok }),
  logoutAll: defineContract({ method: 'POST', path: '/api/auth/logout-all', tag: 'auth', response: ok }),
  publicConfig: defineContract({ method: 'GET', path: '/api/config/public', tag: 'me', response: publicConfigResponse }),
  me: defineContract({ method: 'GET', path: '/api/me', tag: 'me', response: meResponse }),
  updateProfile: defineContract({ method: 'PATCH', path: '/api/me', tag: 'me', body: updateProfileBody, response: ok }),
  changePassword: defineContract({ method: 'POST', path: '/api/me/password', tag: 'me', body: changePasswordBody, response: ok }),
};

/** Liveness and readiness, for process supervisors and load balancers. */
export const opsApi = {
  live: defineContract({ method: 'GET', path: '/healthz', tag: 'ops', response: z.object({ status: z.literal('ok') }) }),
  ready: defineContract({ method: 'GET', path: '/readyz', tag: 'ops', response: z.object({ status: z.literal('ready'), database: z.string() }) }),
};
