import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { freshDemoCode } from '../src/server/test/totp-codes.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Issue 6, item 2 in a browser: an administrator creates a police officer with
 * no password; the role waits for a second administrator (in Arabic), and the
 * officer activates the account with the code, choosing a password and
 * enrolling their own second factor.
 */
describe('a new user, from creation to first sign-in', () => {
  it('takes a second administrator’s approval and the person’s own password and 2FA', async () => {
    const first = await signInThroughUi(browser, server.baseUrl, 'admin');
    const page = first.page;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill('agent.tanger');
    await page.getByTestId('user-form-display-name').fill('Yassine Amrani');
    await page.getByTestId('user-form-agency').click();
    await page.getByRole('option', { name: /DGSN/ }).click();
    await page.getByTestId('user-form-roles').click({ force: true });
    await page.getByRole('option', { name: CATALOGS.fr['role.first_responder']! }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('activation-code-modal').waitFor();
    await page.getByTestId('activation-awaiting-approval').waitFor();
    const code = (await page.getByTestId('activation-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
    await snap(page, 'activation-code-fr');
    await page.getByTestId('activation-code-done').click();
    // The requester sees the grant but cannot approve it.
    const own = page.locator('[data-testid="pending-grant"][data-username="agent.tanger"]');
    await own.waitFor();
    expect(await own.getByTestId('grant-approve').isDisabled()).toBe(true);
    await snap(page, 'activation-users-pending-fr');
    await first.context.close();

    const second = await signInThroughUi(browser, server.baseUrl, 'admin2');
    await second.page.getByTestId('nav-users').click();
    const grant = second.page.locator('[data-testid="pending-grant"][data-username="agent.tanger"]');
    await grant.waitFor();
    await snap(second.page, 'activation-users-pending-ar');
    await grant.getByTestId('grant-approve').click();
    await second.page.getByTestId('confirm-ok').click();
    await second.page.getByTestId('pending-grants').waitFor({ state: 'detached' });
    await second.context.close();

    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    const officer = await context.newPage();
    await officer.goto(`${server.baseUrl}/login`);
    await officer.getByTestId('login-activate-link').click();
    await officer.getByTestId('activation-username').fill('agent.tanger');
    await officer.getByTestId('activation-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await officer.getByTestId('activation-password').fill('Tanger-Port-Patrol-2026');
    await officer.getByTestId('activation-confirm').fill('Tanger-Port-Patrol-2026');
    await snap(officer, 'activation-page-fr');
    await officer.getByTestId('activation-submit').click();
    await officer.waitForURL((url) => url.pathname === '/login/enrol');
    await officer.getByTestId('enrol-qr').waitFor();
    const secret = (await officer.getByTestId('enrol-secret').innerText()).replace(/\s+/g, '');
    await officer.getByTestId('twofactor-code').fill(await freshDemoCode('agent.tanger', secret));
    await officer.getByTestId('twofactor-submit').click();
    await officer.getByTestId('home-section-first_responder').waitFor();
    await context.close();

    // The code was single use.
    const retry = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 860 } });
    const again = await retry.newPage();
    await again.addInitScript(() => localStorage.setItem('sanad.locale', 'ar'));
    await again.goto(`${server.baseUrl}/activate`);
    await again.getByTestId('activation-username').fill('agent.tanger');
    await again.getByTestId('activation-code').fill(code);
    await again.getByTestId('activation-password').fill('Another-Long-Passphrase-7');
    await again.getByTestId('activation-confirm').fill('Another-Long-Passphrase-7');
    await again.getByTestId('activation-submit').click();
    await expect.poll(() => again.getByTestId('activation-error').innerText()).toBe(CATALOGS.ar['activate.error.used']);
    await snap(again, 'activation-page-used-ar');
    await retry.close();
  });
});
