import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-accounts.js';
import { freshDemoCode } from '../../src/server/test/totp-codes.js';

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** What the server asked for after the password. */
  twoFactor: 'enrol' | 'required' | 'none';
}

/**
 * Signs a demo user in through the real login page, completing enrolment or
 * the 2FA challenge as a person would (typing a code from the demo secret).
 */
export async function signInThroughUi(browser: Browser, baseUrl: string, username: string, options: { locale?: string; bypassCSP?: boolean } = {}): Promise<SignedIn> {
  // bypassCSP only for tools injected into the page (the accessibility checker); the app itself runs under its CSP.
  const context = await browser.newContext({ locale: options.locale ?? 'fr-FR', viewport: { width: 1280, height: 860 }, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
  let twoFactor: SignedIn['twoFactor'] = 'none';
  const path = new URL(page.url()).pathname;
  if (path === '/login/enrol' || path === '/login/2fa') {
    twoFactor = path === '/login/enrol' ? 'enrol' : 'required';
    let secret: string | undefined;
    if (twoFactor === 'enrol') {
      // Read the secret the page shows, as a person typing it into an authenticator app would.
      await page.getByTestId('enrol-qr').waitFor();
      secret = (await page.getByTestId('enrol-secret').innerText()).replace(/\s+/g, '');
    }
    await page.getByTestId('twofactor-code').fill(await freshDemoCode(username, secret));
    await page.getByTestId('twofactor-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  }
  await page.getByTestId('page-heading').waitFor();
  return { context, page, twoFactor };
}
