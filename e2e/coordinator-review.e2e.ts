import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';

/**
 * "Roles with nothing to do": the coordinator opens the consent-override tile, reviews the demo
 * override (flagged, with a note) and sees the tile's count fall; every tile of the coordinator's
 * and the case manager's home opens a list with that tile's filter applied, shown and removable.
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

const tile = (page: Page, id: string) => page.locator(`[data-testid="worklist-tile"][data-id="${id}"]`);
const tileValue = async (page: Page, id: string) => Number((await tile(page, id).getByTestId('worklist-tile-value').innerText()).replace(/\D/g, ''));
const resultCount = async (page: Page) => Number((await page.getByTestId('result-count').innerText()).replace(/\D/g, ''));

/** Waits until the case manager's work list has answered (a line, or the empty message). */
const loadedWork = (page: Page) => page.locator('[data-testid="case-work-list"] [data-testid="worklist-row"], [data-testid="case-work-empty"]').first().waitFor();

/** Goes home, clicks the tile and waits for the page it opens; returns the tile's figure. */
async function openTile(page: Page, id: string, path: string): Promise<number> {
  await page.goto(server.baseUrl);
  await tile(page, id).waitFor();
  const value = await tileValue(page, id);
  await tile(page, id).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.getByTestId('page-heading').waitFor();
  return value;
}

describe('the coordinator’s consent-override review', () => {
  it('opens the tile, reviews the override, and the tile’s count falls', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'coordinator');
    const before = await openTile(page, 'overrides', '/oversight/overrides');
    expect(before).toBe(1);
    expect(new URL(page.url()).searchParams.get('pending')).toBe('true');
    await page.getByTestId('active-filter-pending').waitFor();
    const row = page.getByTestId('override-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    // Who sent it and from where are shown; the justification written about the person is not.
    expect(await row.first().innerText()).not.toMatch(/Threats|unreachable/);
    await snap(page, 'coordinator-review-1-list-ar');

    await row.first().getByTestId('override-review').click();
    await page.getByTestId('override-review-form').waitFor();
    await page.getByTestId('override-review-flag').click();
    await page.getByTestId('override-review-submit').click();
    // A flag without a note is refused on the page before anything is sent.
    await page.getByTestId('override-review-note-error').waitFor();
    await page.getByTestId('override-review-note').fill('جمعية المساعدة القانونية ليست خدمة استعجالية: يجب طلب الموافقة أولًا.');
    await snap(page, 'coordinator-review-2-flag-ar');
    await page.getByTestId('override-review-submit').click();
    await page.getByTestId('overrides-empty').waitFor();

    // Removing the filter shows every override, the reviewed one with its outcome.
    await page.getByTestId('active-filter-pending').locator('button').click();
    await page.getByTestId('active-filters-none').waitFor();
    await page.getByTestId('override-outcome').waitFor();
    expect(new URL(page.url()).searchParams.get('pending')).toBeNull();
    await snap(page, 'coordinator-review-3-reviewed-ar');

    await page.goto(server.baseUrl);
    await tile(page, 'overrides').waitFor();
    expect(await tileValue(page, 'overrides')).toBe(0);
    await context.close();
  });
});

describe('every tile opens the list behind it, filtered', () => {
  it('on the coordinator’s home: de-identified lists and counts, with the tile’s filter', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'coordinator');
    for (const [id, state] of [['waiting', 'waiting'], ['overdue', 'overdue'], ['acceptance', 'accepted']] as const) {
      const value = await openTile(page, id, '/oversight/referrals');
      expect(new URL(page.url()).searchParams.get('state'), id).toBe(state);
      await page.getByTestId('active-filter-state').waitFor();
      await page.locator('[data-testid="oversight-referral-row"], [data-testid="oversight-referrals-empty"]').first().waitFor();
      if (id !== 'acceptance') expect(await resultCount(page), id).toBe(value);
      const rows = page.getByTestId('oversight-referral-row');
      for (const status of await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))) {
        if (state !== 'accepted') expect(status, id).toBe('sent');
      }
      if (state === 'overdue') {
        expect(await rows.count()).toBeGreaterThan(0);
        expect(await rows.evaluateAll((els) => els.every((el) => el.getAttribute('data-overdue') === 'true'))).toBe(true);
        await snap(page, 'coordinator-tile-overdue-ar');
        // The filter is removable: all referrals, nothing filtered.
        await page.getByTestId('active-filter-state').locator('button').click();
        await page.getByTestId('active-filters-none').waitFor();
        expect(new URL(page.url()).searchParams.get('state')).toBeNull();
      }
    }
    const notReferred = await openTile(page, 'notReferred', '/oversight/not-referred');
    await page.getByTestId('not-referred-total').waitFor();
    expect(Number((await page.getByTestId('not-referred-total').innerText()).replace(/\D/g, ''))).toBe(notReferred);
    await openTile(page, 'overrides', '/oversight/overrides');
    await page.getByTestId('active-filter-pending').waitFor();
    await context.close();
  });

  it('on the case manager’s home: the whole work list, and the overdue ones', async () => {
    const { context, page } = await signInThroughUi(browser, server.baseUrl, 'casemanager');
    const open = await openTile(page, 'open', '/worklist/cases');
    await page.getByTestId('active-filters-none').waitFor();
    await loadedWork(page);
    expect(await resultCount(page)).toBe(open);

    const overdue = await openTile(page, 'overdue', '/worklist/cases');
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await page.getByTestId('active-filter-overdue').waitFor();
    await loadedWork(page);
    expect(await resultCount(page)).toBe(overdue);
    const rows = page.getByTestId('case-work-list').getByTestId('worklist-row');
    expect(await rows.count()).toBe(Math.min(overdue, 25));
    for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).getByTestId('worklist-overdue').waitFor();
    await snap(page, 'casemanager-tile-overdue-ar');
    await page.getByTestId('active-filter-overdue').locator('button').click();
    await page.getByTestId('active-filters-none').waitFor();
    await context.close();
  });
});
