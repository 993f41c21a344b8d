import { z } from 'zod';
import { line, secret } from './fields.js';

/**
 * Letters and digits of an activation code: no 0/O, 1/I/L, so a code read out
 * or copied from paper is not mistyped. 20 of them carry about 99 bits.
 */
export const ACTIVATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACTIVATION_CODE_LENGTH = 20;

/** A code as typed: any case, with or without the dashes and spaces between groups. */
export const activationCodeInput = z
  .string()
  .trim()
  .max(64)
  .regex(/^[0-9A-Za-z -]+$/);

/** First sign-in: the username, the code the administrator handed over, and a password the person chooses. */
export const activateBody = z.object({
  username: line(100, 1),
  code: activationCodeInput,
  password: secret(1000),
});

/** Why an activation code was refused (`ACTIVATION_INVALID`'s details.reason). */
export const ACTIVATION_FAILURES = ['invalid', 'expired', 'used'] as const;
export type ActivationFailure = (typeof ACTIVATION_FAILURES)[number];
