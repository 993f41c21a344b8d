import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../src/server/demo/demo-accounts.js';
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

const ARABIC = /[\u0600-\u06FF]/;

describe('the secure core in a browser', () => {
  it('signs in every demo role, enrolling 2FA where the role needs it', async () => {
    for (const user of DEMO_USERS) {
      const { context, page, twoFactor } = await signInThroughUi(browser, server.baseUrl, user.username);
      const needs2fa = !['national_coordinator', 'analyst'].includes(user.roles[0]!);
      expect(twoFactor, user.username).toBe(needs2fa ? 'enrol' : 'none');
      await page.getByTestId(`home-section-${user.roles[0]}`).waitFor();
      await expect(page.getByTestId('demo-banner').isVisible()).resolves.toBe(true);
      if (['hotline', 'casemanager', 'admin'].includes(user.username)) await snap(page, `core-home-${user.username}`);
      await context.close();
    }
  });

  it('switches to Arabic: lang and dir follow, and Arabic text renders', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'casemanager');
    await page.getByTestId('locale-switcher').click();
    await page.getByTestId('locale-option-ar').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.getByTestId('page-heading').innerText()).toMatch(ARABIC);
    await snap(page, 'core-home-casemanager-ar');
    // The choice is saved to the profile: a reload stays in Arabic.
    await page.reload();
    await page.getByTestId('page-heading').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await context.close();
  });

  it('shows the administrator a translated 403 page for a case URL', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/cases/00000000-0000-4000-8000-000000000001`);
    await page.getByTestId('forbidden-page').waitFor();
    const text = await page.getByTestId('forbidden-page').innerText();
    expect(text).toMatch(/accès|autoris|interdit/i);
    await snap(page, 'core-admin-case-forbidden-fr');
    await page.getByTestId('locale-switcher').click();
    await page.getByTestId('locale-option-ar').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getByTestId('forbidden-page').innerText()).toMatch(ARABIC);
    await snap(page, 'core-admin-case-forbidden-ar');
    await context.close();
  });

  it('lets the administrator reset a user’s 2FA after confirming, so they enrol again', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'admin');
    await page.getByTestId('nav-users').click();
    const row = page.locator('[data-testid="user-row"][data-username="hotline"]');
    await row.waitFor();
    await snap(page, 'core-admin-users');
    await row.getByTestId('user-reset-2fa').click();
    await page.getByTestId('confirm-modal').waitFor();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('confirm-modal').waitFor({ state: 'detached' });
    await context.close();

    const again = await signInThroughUi(browser, server.baseUrl, 'hotline');
    expect(again.twoFactor).toBe('enrol');
    await again.context.close();
  });

  it('lets the auditor verify the audit chain', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'auditor', { locale: 'en-GB' });
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-ok').waitFor();
    await snap(page, 'core-auditor-verify');
    await context.close();
  });
});
