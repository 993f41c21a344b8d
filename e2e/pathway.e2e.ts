import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { REGION_NAMES } from '../src/shared/geo/regions.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

/*
 * Issue 3's acceptance walk: one case through the whole pathway, as five users
 * working in their own languages (the hotline operator and the shelter in
 * Arabic, the police responder and the legal-aid lawyer in French):
 * hotline report → screening → case → consent → referrals to a shelter and to
 * legal aid → acceptance → a service delivered → closure.
 * Screenshots of each step go to e2e/artifacts/pathway-*.png.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Locale = 'ar' | 'fr' | 'en';
const label = (locale: Locale, key: string): string => {
  const text = CATALOGS[locale][key];
  if (!text) throw new Error(`no ${locale} message ${key}`);
  return text;
};

async function localeOf(page: Page): Promise<Locale> {
  return (await page.evaluate(() => document.documentElement.lang)) as Locale;
}

/** Picks an option of a Mantine Select by its visible label. */
async function choose(page: Page, testId: string, option: string | RegExp, typed?: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('the referral pathway, end to end', () => {
  it('walks one case from a hotline call to closure', async () => {
    // 1. The hotline operator (Arabic) records an emergency call; it is dispatched to the police at once.
    const hotline = await signInThroughUi(browser, server.baseUrl, 'hotline');
    const ar = await localeOf(hotline.page);
    expect(ar).toBe('ar');
    expect(await hotline.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await hotline.page.getByTestId('nav-reports').click();
    await hotline.page.getByTestId('reports-new').click();
    await choose(hotline.page, 'report-form-urgency', label(ar, 'report.urgency.immediate_danger'));
    await choose(hotline.page, 'report-form-region', REGION_NAMES['MA-06'].ar);
    await hotline.page
      .getByTestId('report-form-narrative')
      .fill('تتصل امرأة: أختها محتجزة في شقة بالحي الحسني وتعمل دون أجر، وجواز سفرها عند المشغّلة.');
    await hotline.page.getByTestId('report-form-submit').click();
    await hotline.page.getByTestId('report-dispatch').waitFor();
    const reportUrl = hotline.page.url();
    const reportId = new URL(reportUrl).pathname.split('/').pop()!;
    await snap(hotline.page, 'pathway-1-hotline-report-ar');
    await hotline.context.close();

    // 2. The police responder (French) acknowledges the dispatch and screens the woman.
    const responder = await signInThroughUi(browser, server.baseUrl, 'responder');
    const page = responder.page;
    const fr = await localeOf(page);
    await page.goto(reportUrl);
    await page.getByTestId('report-dispatch-acknowledge').click();
    await page.getByTestId('report-dispatch-acknowledge').waitFor({ state: 'detached' });
    await page.getByTestId('report-screen').click();
    await page.waitForURL((url) => url.pathname === '/screenings/new' && url.searchParams.get('reportId') === reportId);
    await page.getByTestId('screening-next').click(); // reactive screening, the default context
    await choose(page, 'screening-age-band', label(fr, 'screening.ageBand.25_34'));
    await choose(page, 'screening-sex', label(fr, 'screening.sex.Feminine'));
    await page.getByTestId('screening-next').click();
    // Answer every indicator, then the signs this interview found.
    const noes = page.locator('[data-testid^="indicator-"][data-testid$="-no"]');
    const count = await noes.count();
    expect(count).toBeGreaterThan(20);
    for (let i = 0; i < count; i += 1) await noes.nth(i).click();
    for (const code of ['gen_recruited_by_third_party', 'gen_housed_by_controller', 'gen_documents_withheld', 'gen_debt_bondage', 'gen_earnings_taken']) {
      await page.getByTestId(`indicator-${code}-yes`).click();
    }
    await snap(page, 'pathway-2-screening-indicators-fr');
    await page.getByTestId('screening-next').click();
    await page.getByTestId('screening-result').waitFor();
    expect(await page.getByTestId('screening-outcome').getAttribute('data-outcome')).toBe('presumed_victim');
    await snap(page, 'pathway-2-screening-result-fr');
    await page.getByTestId('screening-confirm').click();
    await page.getByTestId('screening-decided').waitFor();

    // 3. The responder opens a case from the screening, with the identity typed in both scripts.
    await page.getByTestId('screening-next').click();
    await page.getByTestId('case-form-given-name-arabic').fill('سعاد');
    await page.getByTestId('case-form-family-name-arabic').fill('الإدريسي');
    await page.getByTestId('case-form-given-name-latin').fill('Souad');
    await page.getByTestId('case-form-family-name-latin').fill('El Idrissi');
    await page.getByTestId('case-form-birth-year').fill('1996');
    await page.getByTestId('screening-open-case').click();
    await page.getByTestId('screening-case-link').click();
    await page.getByTestId('case-number').waitFor();
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    // The case is placed where the report came from (Casablanca-Settat).
    expect(await page.evaluate(async (id) => ((await (await fetch(`/api/cases/${id}`)).json()) as { region: string | null }).region, new URL(page.url()).pathname.split('/').pop()!)).toBe('MA-06');
    await snap(page, 'pathway-3-case-fr');

    // 4. She consents to share with the shelter and with legal aid.
    await page.getByTestId('case-group-person').click();
    await page.getByTestId('case-tab-consents').click();
    for (const organisation of ['Dar Al Amane', 'Adala']) {
      await page.getByTestId('consent-give').click();
      await choose(page, 'consent-form-type', label(fr, 'consentType.share_with_organisation'));
      await choose(page, 'consent-form-agency', new RegExp(organisation), organisation);
      await choose(page, 'consent-form-method', label(fr, 'consentMethod.signed'));
      await page.getByTestId('consent-form-submit').click();
      await page.getByTestId('consent-form').waitFor({ state: 'detached' });
    }
    expect(await page.locator('[data-testid="consent-row"][data-revoked="false"]').count()).toBe(2);
    await snap(page, 'pathway-4-consents-fr');

    // 5. Referrals to the shelter and to legal aid, sharing only what is ticked.
    await page.getByTestId('case-group-care').click();
    await page.getByTestId('case-tab-referrals').click();
    for (const [service, organisation] of [
      ['serviceType.shelter', 'Dar Al Amane'],
      ['serviceType.legal_aid', 'Adala'],
    ] as const) {
      await page.getByTestId('referral-create').click();
      await choose(page, 'referral-service', label(fr, service), label(fr, service));
      await page.getByTestId('referral-provider-0').waitFor();
      await page.locator('.mantine-Paper-root', { hasText: organisation }).last().locator('[data-testid^="referral-provider-"]').click();
      await page.getByTestId('referral-needs').fill('Mise à l’abri et accompagnement juridique.');
      await page.getByTestId('referral-consent-ok').waitFor();
      await snap(page, `pathway-5-refer-${organisation.split(' ')[0]!.toLowerCase()}-fr`);
      await page.getByTestId('referral-submit').click();
      await page.getByTestId('referral-create-form').waitFor({ state: 'detached' });
    }
    const referrals = await page.evaluate(async (id) => (await (await fetch(`/api/cases/${id}/referrals`)).json()) as { items: { id: string; receivingAgencyName?: string; providerName?: string }[] }, caseId);
    expect(referrals.items).toHaveLength(2);
    const referralTo = (name: string) => referrals.items.find((r) => JSON.stringify(r).includes(name))!.id;

    // 6. The shelter (Arabic) accepts, records the service delivered and completes its part.
    const shelter = await signInThroughUi(browser, server.baseUrl, 'shelter');
    expect(await localeOf(shelter.page)).toBe('ar');
    await shelter.page.goto(`${server.baseUrl}/referrals/${referralTo('Dar Al Amane')}`);
    await shelter.page.getByTestId('referral-accept').click();
    await shelter.page.getByTestId('confirm-ok').click();
    await shelter.page.locator('[data-testid="referral-detail"][data-status="accepted"]').waitFor();
    await shelter.page.getByTestId('service-record').click();
    await choose(shelter.page, 'service-form-outcome', label('ar', 'serviceOutcome.completed'));
    await shelter.page.getByTestId('service-form-submit').click();
    await shelter.page.getByTestId('service-form').waitFor({ state: 'detached' });
    await shelter.page.locator('[data-testid="referral-detail"][data-status="in_progress"]').waitFor();
    await snap(shelter.page, 'pathway-6-shelter-service-ar');
    await shelter.page.getByTestId('referral-complete').click();
    await shelter.page.getByTestId('confirm-ok').click();
    await shelter.page.locator('[data-testid="referral-detail"][data-status="completed"]').waitFor();
    await shelter.context.close();

    // 7. Legal aid (French) accepts, starts and completes its referral.
    const lawyer = await signInThroughUi(browser, server.baseUrl, 'legalaid');
    await lawyer.page.goto(`${server.baseUrl}/referrals/${referralTo('Adala')}`);
    await lawyer.page.getByTestId('referral-accept').click();
    await lawyer.page.getByTestId('confirm-ok').click();
    await lawyer.page.locator('[data-testid="referral-detail"][data-status="accepted"]').waitFor();
    await lawyer.page.getByTestId('referral-start').click();
    await lawyer.page.locator('[data-testid="referral-detail"][data-status="in_progress"]').waitFor();
    await lawyer.page.getByTestId('referral-complete').click();
    await lawyer.page.getByTestId('confirm-ok').click();
    await lawyer.page.locator('[data-testid="referral-detail"][data-status="completed"]').waitFor();
    await snap(lawyer.page, 'pathway-7-legal-aid-fr');
    await lawyer.context.close();

    // 8. The responder closes the case with a reason.
    await page.goto(`${server.baseUrl}/cases/${caseId}?tab=closure`);
    await choose(page, 'case-close-reason', label(fr, 'closureReason.ReintegrationCompleted'));
    await page.getByTestId('case-close-submit').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('case-closed').waitFor();
    await snap(page, 'pathway-8-closed-fr');
    const closed = await page.evaluate(async (id) => (await (await fetch(`/api/cases/${id}`)).json()) as { status: string }, caseId);
    expect(closed.status).toBe('Closed');
    await responder.context.close();
  });
});
