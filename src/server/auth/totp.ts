import { createGuardrails, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'Sanad';
const PERIOD = 30;

/**
 * otplib refuses secrets under 128 bits. Ours are 160 bits; the published demo
 * secret (JBSWY3DPEHPK3PXP, a contract of the demo accounts) is 80 bits, the
 * RFC 4226 minimum, so the floor is lowered to that and no further.
 */
export const TOTP_GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** A new random base32 TOTP secret (160 bits). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URL and its QR code (PNG data URL) for an authenticator app. */
export async function enrolmentOf(secret: string, username: string): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = generateURI({ issuer: ISSUER, label: username, secret, period: PERIOD });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { otpauthUrl, qrDataUrl };
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. A code is
 * accepted only for a time step after `lastStep` (no replay). Returns the step
 * it matched, or null.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  // otplib's result object is truthy even on failure: check `.valid`.
  const result = await verify({
    secret,
    token: code,
    period: PERIOD,
    guardrails: TOTP_GUARDRAILS,
    epochTolerance: PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  if (!result.valid) return null;
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : Math.floor(Date.now() / 1000 / PERIOD);
}
