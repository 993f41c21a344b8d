import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

let server: RunningServer;
let browser: Browser;

const onPostgreSQL = Boolean(process.env['DATABASE_URL']);

beforeAll(async () => {
  if (onPostgreSQL) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// What this checks (layout and text direction) does not depend on the database engine: it runs on the embedded
// database only (the PostgreSQL run of CI skips it).
describe.skipIf(onPostgreSQL)('on a phone and in mixed scripts', () => {
  it('lets an Arabic user sign out from the drawer on a 390 px phone', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'hotline');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // The header has no room for the account menu: the drawer holds it, with the language switch.
    await page.getByRole('button', { name: CATALOGS.ar['nav.toggle']! }).click();
    await page.getByTestId('drawer-logout').waitFor();
    // The drawer slides in: wait until the sign-out entry is wholly on screen before the screenshot.
    await page.waitForFunction(() => {
      const rect = document.querySelector('[data-testid="drawer-logout"]')!.getBoundingClientRect();
      return rect.left >= 0 && rect.right <= window.innerWidth;
    });
    await snap(page, 'phone-drawer-ar');
    await page.getByTestId('drawer-logout').click();
    await page.waitForURL('**/login');
    await context.close();
  });

  it('shows a Latin note in the Arabic interface, and an Arabic note in the French one, each in its own direction', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'responder');
    await page.getByTestId('nav-cases').click();
    await page.locator('main table tbody tr a[href]').first().click();
    await page.getByTestId('case-group-records').click();
    await page.getByTestId('case-tab-notes').click();

    // French interface: an Arabic note is typed and shown right to left.
    await page.getByTestId('note-form-body').fill('تحتاج إلى مكان آمن الليلة (الاستقبال 08:00–20:00).');
    expect(await page.getByTestId('note-form-body').evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    await page.getByTestId('note-form-submit').click();
    await page.getByTestId('note-row').filter({ hasText: 'تحتاج إلى مكان آمن' }).waitFor();

    // Arabic interface: a Latin note keeps its full stop at its end and its parentheses in order.
    await page.getByTestId('locale-switcher').getByTestId('locale-option-ar').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('note-form-body').fill('Needs a safe place tonight (admissions 08:00–20:00) 24/7.');
    expect(await page.getByTestId('note-form-body').evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
    await page.getByTestId('note-form-submit').click();
    const latin = page.getByTestId('note-row').filter({ hasText: 'Needs a safe place tonight' }).locator('[dir="auto"]').first();
    await latin.waitFor();
    expect(await latin.evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
    const arabic = page.getByTestId('note-row').filter({ hasText: 'تحتاج إلى مكان آمن' }).locator('[dir="auto"]').first();
    expect(await arabic.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    await snap(page, 'mixed-direction-notes-ar');
    await context.close();
  });
});
