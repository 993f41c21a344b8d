/** The roles a user may hold. Stored as these codes; labels come from the catalogs (`role.<code>`). */
export const ROLES = [
  'hotline_operator',
  'first_responder',
  'case_manager',
  'service_provider',
  'prosecutor',
  'national_coordinator',
  'analyst',
  'administrator',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * Roles whose work can show a victim's identity. Holding any of them makes
 * two-factor authentication mandatory.
 */
export const IDENTITY_ROLES: readonly Role[] = [
  'hotline_operator',
  'first_responder',
  'case_manager',
  'service_provider',
  'prosecutor',
];

/** Roles for which two-factor authentication is mandatory (identity roles plus account administration). */
export const TWO_FACTOR_ROLES: readonly Role[] = [...IDENTITY_ROLES, 'administrator', 'auditor'];

/** True when any of the roles makes 2FA mandatory. */
export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => TWO_FACTOR_ROLES.includes(role));
}
