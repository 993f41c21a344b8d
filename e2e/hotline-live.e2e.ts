import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

let server: RunningServer;
let browser: Browser;

// Event waits with room for a slow, shared machine: the pages poll every 10 s, the build and server are cold.
const ARRIVAL = { timeout: 90_000 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the hotline queue is live', () => {
  it('shows a public immediate-danger report in the open queue and the bell, loudly, without a reload', async () => {
    const hotline = await signInThroughUi(browser, server.baseUrl, 'hotline');
    const { page } = hotline;
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-row').first().waitFor();
    // Marks this very document: after a reload the mark would be gone.
    await page.evaluate(() => ((window as unknown as { sanadSamePage: boolean }).sanadSamePage = true));
    await expect(page.getByTestId('notification-bell').getAttribute('data-urgent')).resolves.toBe('false');

    // Someone reports an immediate danger through the public form's API, anonymously.
    const submitted = await fetch(`${server.baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        narrative: 'A girl of about twelve works as a maid in a house in Derb Sultan; tonight she was beaten and locked in.',
        exploitationForms: ['domestic_servitude'],
        region: 'MA-06',
        minorsInvolved: true,
        immediateDanger: true,
        contact: '+212 6 70 11 22 33',
      }),
    });
    expect(submitted.status).toBe(201);

    // A red toast arrives by itself and names the report; screen readers hear the same sentence.
    const toast = page.getByTestId('urgent-toast');
    await toast.waitFor(ARRIVAL);
    const reference = (await toast.innerText()).match(/R-\d{4}-\d{6}/)?.[0];
    expect(reference).toBeTruthy();
    await expect(page.getByTestId('urgent-announcer').innerText()).resolves.toContain(reference);

    // The open queue lists it first (most urgent, newest), without a reload.
    await page.getByTestId('reports-row').filter({ hasText: reference! }).waitFor(ARRIVAL);
    await expect(page.getByTestId('reports-row').first().innerText()).resolves.toContain(reference);

    // The bell has turned red, and lists it first, marked urgent.
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-urgent') === 'true', undefined, ARRIVAL);
    await page.getByTestId('notification-bell').click();
    const first = page.getByTestId('notification-popover').getByTestId('notification-item').first();
    await first.filter({ hasText: reference! }).waitFor(ARRIVAL);
    await expect(first.getAttribute('data-kind')).resolves.toBe('public_report_danger');
    await expect(first.getAttribute('data-urgent')).resolves.toBe('true');
    await snap(page, 'hotline-live-urgent');

    await expect(page.evaluate(() => (window as unknown as { sanadSamePage?: boolean }).sanadSamePage)).resolves.toBe(true);

    // Opening it marks it read and goes to the report; the bell calms down.
    await first.click();
    await page.waitForURL('**/reports/*', ARRIVAL);
    await expect(page.getByTestId('report-reference').innerText()).resolves.toBe(reference);
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-urgent') === 'false', undefined, ARRIVAL);
    await hotline.context.close();
  });
});
