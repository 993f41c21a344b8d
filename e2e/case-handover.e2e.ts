import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi, type SignedIn } from './support/sign-in.js';

/*
 * Handing a case over (the product issue "a case cannot be handed to a case
 * manager"): the police responder (French) assigns a case to the Ministry of
 * Solidarity's case manager (Arabic), who finds it in her list; then the police
 * ask the Ministry to take another case over, and she accepts it from her home
 * page. Screenshots go to e2e/artifacts/handover-*.png.
 */

let server: RunningServer;
let browser: Browser;
let responder: SignedIn;
let manager: SignedIn;

const SOCIAL_AGENCY = 'Ministry of Solidarity – social assistance unit';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  responder = await signInThroughUi(browser, server.baseUrl, 'responder');
  manager = await signInThroughUi(browser, server.baseUrl, 'casemanager');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Calls the API from the signed-in page, as the web app does (session cookie and CSRF token): the setup of each journey. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await (await fetch('/api/me')).json();
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** A police case for a person (opened through the API: the journeys here start once a case exists). */
async function policeCase(given: string): Promise<{ id: string; caseNumber: string }> {
  const created = await api<{ case: { id: string; caseNumber: string } }>(responder.page, 'POST', '/api/cases', {
    person: { givenNameLatin: given, familyNameLatin: 'Coulibaly', birthYear: 2000, sex: 'Feminine', citizenships: ['ML'], languages: ['fr'] },
    region: 'MA-06',
    traffickingStatus: 'presumed',
  });
  return created.case;
}

/** Picks an option of a Mantine Select by its visible label, typing first when the list is searched. */
async function choose(page: Page, testId: string, option: string | RegExp, typed?: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** The case manager finds the case in her case list by its number, and opens it. */
async function findInList(page: Page, kase: { id: string; caseNumber: string }): Promise<void> {
  await page.goto(`${server.baseUrl}/cases`);
  await page.getByTestId('cases-search').fill(kase.caseNumber);
  const row = page.locator(`[data-testid="case-row"][data-id="${kase.id}"]`);
  await row.waitFor();
  await row.getByRole('link').first().click();
  await page.waitForURL((url) => url.pathname === `/cases/${kase.id}`);
  await page.getByTestId('page-heading').waitFor();
}

describe('handing a case over', () => {
  it('assigns a police case to the case manager of another agency, who finds it in her list', async () => {
    const kase = await policeCase('Assitan');
    const page = responder.page;
    await page.goto(`${server.baseUrl}/cases/${kase.id}?tab=assignments`);
    await choose(page, 'assignee-picker', /Fatima Zahra Idrissi/, 'Fatima');
    await page.getByTestId('assignee-assign').click();
    await page.getByTestId('assignment-row').filter({ hasText: 'Fatima Zahra Idrissi' }).waitFor();
    await snap(page, 'handover-1-assigned-fr');

    await findInList(manager.page, kase);
    await snap(manager.page, 'handover-2-case-manager-finds-case-ar');
  });

  it('transfers a case from the police to the Ministry of Solidarity, which accepts it', async () => {
    const kase = await policeCase('Nana');
    const page = responder.page;
    // The person's consent to share with the Ministry, recorded before the transfer can be asked.
    const social = (await api<{ user: { agency: { id: string } } }>(manager.page, 'GET', '/api/me')).user.agency.id;
    await api(page, 'POST', `/api/cases/${kase.id}/consents`, { type: 'share_with_organisation', agencyId: social, method: 'signed' });

    await page.goto(`${server.baseUrl}/cases/${kase.id}?tab=assignments`);
    await page.getByTestId('transfer-form').waitFor();
    await choose(page, 'transfer-agency', SOCIAL_AGENCY);
    await choose(page, 'transfer-reason', CATALOGS.fr['handover.reason.case_management']!);
    await page.getByTestId('transfer-note').fill('Suivi social à Casablanca, près de sa sœur.');
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('transfer-pending').waitFor();
    await snap(page, 'handover-3-transfer-requested-fr');

    // The Ministry's case manager sees it on her home page (number, sender, reason: no name) and accepts it.
    const home = manager.page;
    await home.goto(`${server.baseUrl}/`);
    const offered = home.locator(`[data-testid="incoming-transfer"][data-case-number="${kase.caseNumber}"]`);
    await offered.waitFor();
    expect(await offered.innerText()).not.toContain('Nana');
    await snap(home, 'handover-4-incoming-transfer-ar');
    await offered.getByTestId('incoming-transfer-accept').click();
    await home.getByTestId('confirm-ok').click();
    await home.waitForURL((url) => url.pathname === `/cases/${kase.id}`);
    await home.getByTestId('page-heading').waitFor();

    // Now her agency's case, and on her list; the police no longer reach it.
    await findInList(home, kase);
    await snap(home, 'handover-5-transferred-case-ar');
    const status = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).status, kase.id);
    expect(status).toBe(404);
  });
});
