import { generate } from 'otplib';
import { TOTP_GUARDRAILS } from '../auth/totp.js';
import { DEMO_TOTP_SECRET } from '../demo/demo-accounts.js';

// The server accepts each TOTP time step once per user; later sign-ins in the
// same 30-second window use the next step (the server allows one step of drift).
const lastStepUsed = new Map<string, number>();

/** A code for the demo secret that the server has not seen yet for this user. */
export async function freshDemoCode(username: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  let now = Math.floor(Date.now() / 1000 / 30);
  const step = Math.max(now, (lastStepUsed.get(username) ?? -1) + 1);
  // Taken before waiting, so two sign-ins of one user started together never get the same step
  // (the server accepts a step once per account, atomically).
  lastStepUsed.set(username, step);
  // A step more than one ahead would be refused: wait until it is within reach.
  while (step > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, ((now + 1) * 30 - Date.now() / 1000) * 1000 + 50));
    now = Math.floor(Date.now() / 1000 / 30);
  }
  return generate({ secret, epoch: step * 30, guardrails: TOTP_GUARDRAILS });
}
