import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Browser } from 'playwright-core';
import { RECEIPT_PATTERN } from '../src/shared/api/reports.js';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { LOCALES } from '../src/shared/locales.js';
import { REGION_NAMES } from '../src/shared/geo/regions.js';
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

describe('the public reporting page', () => {
  it.each(LOCALES)('takes an anonymous report in %s and gives a receipt code to add information with', async (locale) => {
    const messages = CATALOGS[locale];
    const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    // Reached from the login page, without an account.
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId(`locale-option-${locale}`).click();
    await page.getByTestId('login-public-report-link').click();
    await page.waitForURL('**/report');
    await page.getByTestId('page-heading').filter({ hasText: messages['publicReport.title']! }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');

    // Too short: a translated message under the field, nothing sent.
    await page.getByTestId('public-report-narrative').fill('Too short');
    await page.getByTestId('public-report-submit').click();
    await page.getByText(new IntlMessageFormat(messages['validation.tooShort']!, locale).format({ min: 20 }) as string).waitFor();
    await expect(page.getByTestId('public-report-receipt').count()).resolves.toBe(0);

    await page.getByTestId('public-report-narrative').fill('Two teenage girls work every day in a café in Tangier and never go to school; the owner keeps their papers.');
    await page.getByTestId('public-report-form-forced_labour').click();
    await page.getByTestId('public-report-region').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('public-report-minors-yes').click();
    await snap(page, `public-report-form-${locale}`);
    await page.getByTestId('public-report-submit').click();

    const code = await page.getByTestId('public-report-receipt-code').innerText();
    expect(code).toMatch(RECEIPT_PATTERN);
    await snap(page, `public-report-receipt-${locale}`);

    await page.getByTestId('public-addition-text').fill('They were moved to another café yesterday.');
    await page.getByTestId('public-addition-submit').click();
    await expect(page.getByTestId('public-addition-done').innerText()).resolves.toBe(messages['publicReport.addition.done']);
    await context.close();
  });

  it('lets the hotline record an emergency that the police unit then acknowledges', async () => {
    const hotline = await signInThroughUi(browser, server.baseUrl, 'hotline');
    await hotline.page.getByTestId('nav-reports').click();
    // Each demo user works in their profile language (the hotline operator in Arabic).
    const ui = CATALOGS[(await hotline.page.evaluate(() => document.documentElement.lang)) as 'ar'];
    await hotline.page.getByTestId('reports-new').click();
    await hotline.page.getByTestId('report-form-urgency').click();
    await hotline.page.getByRole('option', { name: ui['report.urgency.immediate_danger']! }).click();
    await hotline.page.getByTestId('report-form-region').click();
    await hotline.page.getByRole('option', { name: REGION_NAMES['MA-06'].ar }).click();
    await hotline.page.getByTestId('report-form-narrative').fill('Une femme appelle : sa sœur est enfermée dans un appartement à Hay Hassani.');
    await hotline.page.getByTestId('report-form-submit').click();
    await hotline.page.getByTestId('report-dispatch').waitFor();
    await expect(hotline.page.getByTestId('report-dispatch-state').innerText()).resolves.toBe(ui['report.dispatch.waiting']);
    const reportUrl = hotline.page.url();
    await snap(hotline.page, 'report-hotline-dispatched');
    await hotline.context.close();

    const responder = await signInThroughUi(browser, server.baseUrl, 'responder');
    await responder.page.goto(reportUrl);
    await responder.page.getByTestId('report-dispatch-acknowledge').click();
    await responder.page.getByTestId('report-dispatch-acknowledge').waitFor({ state: 'detached' });
    await expect(responder.page.getByTestId('report-dispatch-state').innerText()).resolves.toContain('Youssef Benali');
    await snap(responder.page, 'report-responder-acknowledged');
    await responder.context.close();
  });

  it('on a phone, focuses the field in error, offers tap-to-call numbers and a quick exit that leaves no way back', async () => {
    const messages = CATALOGS.fr;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    await context.route('https://www.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Météo</title>' }));
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('locale-option-fr').click();
    await page.goto(`${server.baseUrl}/report`);
    await page.getByTestId('page-heading').filter({ hasText: messages['publicReport.title']! }).waitFor();

    // An empty submit: the focus lands on the narrative, whose error a screen reader then reads.
    await page.getByTestId('public-report-submit').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'public-report-narrative');
    await expect(page.getByTestId('public-report-narrative').getAttribute('aria-invalid')).resolves.toBe('true');

    for (const number of ['19', '177', '112']) {
      await expect(page.getByTestId(`emergency-call-${number}`).getAttribute('href')).resolves.toBe(`tel:${number}`);
    }
    await page.getByTestId('public-report-what-happens').waitFor();
    await snap(page, 'public-report-phone-fr');

    // Static files come compressed and, under /assets/, cacheable for a year.
    const script = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '');
    const asset = await page.request.get(script, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers()['content-encoding']).toBe('br');
    expect(asset.headers()['cache-control']).toContain('immutable');

    await page.getByTestId('public-report-narrative').fill('Something the reporter must hide');
    await page.getByTestId('quick-exit').click();
    await page.waitForURL('https://www.google.com/**');
    // The report page was replaced in the history: Back goes to the page before it, never to the form.
    await page.goBack();
    await page.waitForURL('**/login');
    await context.close();
  });
});
