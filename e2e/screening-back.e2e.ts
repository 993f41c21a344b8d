import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

/*
 * "An answer can be changed until the screening is saved, with a Back step from
 * the outcome": the responder sees a suggested outcome, goes back, changes an
 * answer, sees the outcome recomputed, and the saved screening holds the changed
 * answer (and a smuggled migrant gets next steps from the directory).
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

const SMUGGLING = ['smg_paid_for_crossing', 'smg_chose_journey', 'smg_irregular_entry'];

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function outcomeShown(page: Page): Promise<string | null> {
  await page.getByTestId('screening-result').waitFor();
  return page.getByTestId('screening-outcome').getAttribute('data-outcome');
}

describe('going back from the screening outcome', () => {
  it('recomputes the suggestion after an answer changes, and saves the changed answer', async () => {
    const { page, context } = await signInThroughUi(browser, server.baseUrl, 'responder');
    const locale = (await page.evaluate(() => document.documentElement.lang)) as 'ar' | 'fr' | 'en';
    const label = (key: string) => CATALOGS[locale][key]!;
    await page.goto(`${server.baseUrl}/screenings/new`);
    await page.getByTestId('screening-next').click(); // reactive, the default context
    await choose(page, 'screening-age-band', label('screening.ageBand.25_34'));
    await choose(page, 'screening-sex', label('screening.sex.Masculine'));
    await page.getByTestId('screening-next').click();

    // Every indicator "no": nothing found.
    const noes = page.locator('[data-testid^="indicator-"][data-testid$="-no"]');
    const count = await noes.count();
    expect(count).toBeGreaterThan(20);
    for (let i = 0; i < count; i += 1) await noes.nth(i).click();
    await page.getByTestId('screening-next').click();
    expect(await outcomeShown(page)).toBe('not_a_victim');
    await page.getByTestId('screening-unsaved').waitFor();

    // Back to the answers: they are all still there; three change.
    await page.getByTestId('screening-back').click();
    await page.getByTestId('indicator-smg_paid_for_crossing').waitFor();
    expect(await page.getByTestId('indicator-gen_documents_withheld').getAttribute('data-answer')).toBe('no');
    for (const code of SMUGGLING) await page.getByTestId(`indicator-${code}-yes`).click();
    await page.getByTestId('screening-next').click();
    expect(await outcomeShown(page)).toBe('smuggled_migrant');
    await snap(page, 'screening-back-recomputed');

    // Confirming saves the screening with the changed answers, and Back is gone.
    await page.getByTestId('screening-confirm').click();
    await page.getByTestId('screening-decided').waitFor();
    expect(await page.getByTestId('screening-back').count()).toBe(0);
    await page.getByTestId('screening-next-steps').waitFor();
    expect(await page.locator('[data-testid^="next-step-provider-"]').count()).toBeGreaterThan(0);
    await snap(page, 'screening-back-next-steps');

    await page.getByTestId('screening-done').getByRole('link').click();
    await page.getByTestId('screening-reference').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await page.evaluate(async (screeningId) => (await fetch(`/api/screenings/${screeningId}`)).json(), id);
    expect(saved).toMatchObject({ suggestedOutcome: 'smuggled_migrant', outcome: 'smuggled_migrant', decisionStatus: 'confirmed' });
    for (const code of SMUGGLING) expect(saved.answers[code]).toBe('yes');
    expect(saved.answers['gen_documents_withheld']).toBe('no');
    await page.getByTestId('indicator-smg_paid_for_crossing').waitFor();
    expect(await page.getByTestId('indicator-smg_paid_for_crossing').getAttribute('data-answer')).toBe('yes');
    await context.close();
  });
});
