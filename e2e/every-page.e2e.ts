import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '../src/server/demo/demo-accounts.js';
import { ARTIFACTS, launchBrowser, snap } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { signInThroughUi } from './support/sign-in.js';
import { codesIn, type Finding } from '../src/web/i18n/visible-codes.js';

// Every page of every role, in Arabic and in French: no visible text that looks like a code, and no axe
// violation of critical or serious impact. The findings of the whole walk are written to
// e2e/artifacts/every-page.json and listed in the failure, so one run shows everything to fix.

const LOCALES = ['ar', 'fr'] as const;
/** Lists whose first row opens a detail page worth walking too. */
const LISTS_WITH_DETAIL = ['/cases', '/reports', '/screenings', '/referrals'];

let server: RunningServer;
let browser: Browser;
let axeSource: string;
const findings: Finding[] = [];

const onPostgreSQL = Boolean(process.env['DATABASE_URL']);

beforeAll(async () => {
  if (onPostgreSQL) return;
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});
afterAll(async () => {
  if (onPostgreSQL) return;
  await writeFile(`${ARTIFACTS}every-page.json`, JSON.stringify(findings, null, 2));
  await browser?.close();
  await server?.stop();
});

/** Waits until the page has its heading and no loader, then checks its text and runs axe on it. */
async function inspect(page: Page, user: string, locale: string, label: string): Promise<void> {
  await page.getByTestId('page-heading').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, [data-loading="true"]'), undefined, { timeout: 30_000 }).catch(() => {});
  const where = `${user} ${locale} ${label} (${new URL(page.url()).pathname})`;
  const text = await page.evaluate(() => document.body.innerText);
  for (const code of codesIn(text)) findings.push({ where, kind: 'code', detail: code });
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type Node = { target: unknown[]; html: string; failureSummary?: string };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    const describe = (n: Node) => `${JSON.stringify(n.target)} ${n.html.slice(0, 120)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`;
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes.slice(0, 3).map(describe).join(' | ') }));
  });
  for (const v of violations) findings.push({ where, kind: 'axe', detail: `${v.impact} ${v.id} (${v.nodes}×, e.g. ${v.first}): ${v.help}` });
}

// What this checks (text, layout, accessibility) does not depend on the database engine, and the walk is long:
// it runs on the embedded database only (the PostgreSQL run of CI skips it).
describe.skipIf(onPostgreSQL)('every page of every role', () => {
  for (const locale of LOCALES) {
    it.each(DEMO_USERS.filter((u) => u.username !== 'admin2').map((u) => u.username))(`shows no code and no serious accessibility fault to %s in ${locale}`, async (username) => {
      const { context, page } = await signInThroughUi(browser, server.baseUrl, username, { bypassCSP: true });
      await page.getByTestId('locale-switcher').getByTestId(`locale-option-${locale}`).click();
      await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
      const before = findings.length;
      const navLinks = await page.locator('nav a[data-testid^="nav-"]').evaluateAll((links) => links.map((a) => ({ href: (a as HTMLAnchorElement).pathname, id: a.getAttribute('data-testid')! })));
      for (const link of navLinks) {
        await page.goto(`${server.baseUrl}${link.href}`);
        await inspect(page, username, locale, link.id);
        const row = LISTS_WITH_DETAIL.includes(link.href) ? page.locator('main table tbody tr a[href]').first() : null;
        if (row && (await row.count()) > 0) {
          await row.click();
          await inspect(page, username, locale, `${link.id} first row`);
          // A case page's tabs (groups, then the tabs of the open group) are pages of their own for whoever
          // works the case: open each visible tab not yet seen until none is left.
          const seen = new Set<string>();
          for (let step = 0; step < 40; step += 1) {
            const next = await page.locator('[role="tab"]:visible').evaluateAll((tabs, done) => tabs.map((t) => t.id).find((id) => id && !done.includes(id)), [...seen]);
            if (!next) break;
            seen.add(next);
            await page.locator(`[id="${next}"]`).click();
            await inspect(page, username, locale, `${link.id} first row, tab ${next.replace(/^mantine-\w+-tab-/, '')}`);
          }
        }
      }
      if (findings.length > before) await snap(page, `every-page-${username}-${locale}`);
      await context.close();
      const mine = findings.slice(before);
      expect(mine, mine.map((f) => `${f.where}: ${f.kind} ${f.detail}`).join('\n')).toEqual([]);
    });
  }
});
