import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATALOGS } from '../src/web/i18n/messages/index.js';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

/*
 * Closing a case whose child is in a shelter placement: the close is refused with
 * the true reason (open referrals, never "someone else changed this record"), the
 * referral is listed with what the worker may do, and closing succeeds once it is
 * handled. Screenshots go to e2e/artifacts/case-closure-*.png.
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

/** A JSON call from inside the signed-in page (the session cookie and its CSRF token). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  ) as Promise<T>;
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('closing a case with an open referral', () => {
  it('shows the true reason and a choice per referral, then closes once it is handled', async () => {
    const fr = CATALOGS.fr;
    const responder = await signInThroughUi(browser, server.baseUrl, 'responder');
    const { page } = responder;

    // A child's case, referred to the demo shelter, which accepts: a placement in progress.
    const birthYear = new Date().getUTCFullYear() - 13;
    const created = await api<{ case: { id: string } }>(page, 'POST', '/api/cases', {
      person: { givenNameLatin: 'Salma', familyNameLatin: 'Test', birthYear, sex: 'Feminine', citizenships: ['MA'], languages: ['ar'] },
      region: 'MA-06',
      traffickingStatus: 'presumed',
    });
    const caseId = created.case.id;
    const providers = await api<{ items: { id: string; agencyId: string; name: string }[] }>(page, 'GET', '/api/providers?page=1&pageSize=100');
    const shelter = providers.items.find((p) => p.name.startsWith('Dar Al Amane'))!;
    await api(page, 'POST', `/api/cases/${caseId}/consents`, { type: 'share_with_organisation', agencyId: shelter.agencyId, method: 'guardian', guardianName: 'Khadija Test', guardianRelationship: 'parent' });
    const referral = await api<{ id: string; reference: string }>(page, 'POST', `/api/cases/${caseId}/referrals`, {
      providerId: shelter.id, serviceType: 'shelter', urgency: 'urgent', reason: 'AdditionalServicesRequired', sharedFields: ['sex', 'birth_year'],
    });
    const provider = await signInThroughUi(browser, server.baseUrl, 'shelter');
    await provider.page.goto(`${server.baseUrl}/referrals/${referral.id}`);
    await provider.page.getByTestId('referral-accept').click();
    // Accepting cannot be undone: it is asked first.
    await provider.page.getByTestId('confirm-ok').click();
    await provider.page.locator('[data-testid="referral-detail"][data-status="accepted"]').waitFor();
    await provider.context.close();

    // The case page: a child flag, no version number, the overview first.
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    await page.getByTestId('case-child').waitFor();
    expect(await page.getByTestId('case-version').count()).toBe(0);
    await page.locator('[data-testid="timeline-entry"][data-kind="referral"][data-step="accepted"]').waitFor();

    // Closing is refused with the true reason, and the referral is listed with a choice.
    await page.goto(`${server.baseUrl}/cases/${caseId}?tab=closure`);
    await choose(page, 'case-close-reason', fr['closureReason.ReintegrationCompleted']!);
    await page.getByTestId('case-close-submit').click();
    await page.getByTestId('confirm-ok').click();
    const blocked = page.getByTestId('case-close-blocked');
    await blocked.waitFor();
    expect(await blocked.getAttribute('data-error-reason')).toBe('open_referrals');
    expect(await blocked.innerText()).toContain(fr['errorReason.CONFLICT.open_referrals']!);
    expect(await blocked.innerText()).not.toContain(fr['errorReason.CONFLICT.stale_version']!);
    const row = page.locator(`[data-testid="case-close-open-referral"][data-id="${referral.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('accepted');
    expect(await row.getByTestId('case-close-referral-cancel').count()).toBe(1);
    expect(await page.getByTestId('case-close-submit').isDisabled()).toBe(true);

    // Keeping it open explains how to hand the care over.
    await row.getByTestId('case-close-referral-keep').click();
    await page.getByTestId('case-close-keep-explained').waitFor();
    await snap(page, 'case-closure-1-open-referral-fr');

    // Cancelling it (asked first, saying a placement ends) lets the case close.
    await row.getByTestId('case-close-referral-cancel').click();
    expect(await page.getByTestId('confirm-modal').innerText()).toContain(referral.reference);
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('case-close-ready').waitFor();
    await page.getByTestId('case-close-submit').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('case-closed').waitFor();
    await snap(page, 'case-closure-2-closed-fr');
    const closed = await api<{ status: string }>(page, 'GET', `/api/cases/${caseId}`);
    expect(closed.status).toBe('Closed');
    await responder.context.close();
  });
});
