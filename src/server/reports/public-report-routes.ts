import { publicReportsApi } from '@shared/api/reports.js';
import type { Router } from '../http/route.js';
import { addToPublicReport, submitPublicReport } from './public-report-commands.js';

/**
 * Per client IP, for each public route. Tests stay independent by sending
 * from distinct addresses. Behind a reverse proxy, set SANAD_TRUST_PROXY so
 * the limit applies to each reporter and not to the proxy.
 */
export const PUBLIC_REPORT_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

// A 5,000-character narrative in any script fits well inside 64 KB; anything
// bigger is refused before it is parsed.
const PUBLIC_BODY_LIMIT = 64 * 1024;
// Request logs would tie a reporter's IP address to the moment they reported: keep only warnings and errors.
const PUBLIC_LOG_LEVEL = 'warn';

/**
 * The public reporting form (no login): report a suspicion, then add to it
 * with the receipt code. The commands audit each arrival as the anonymous
 * reporter, without address or browser.
 */
export function publicReportRoutes(router: Router): void {
  const { keyring } = router.services;
  const publicRoute = { access: 'public', audit: 'in-command', rateLimit: PUBLIC_REPORT_RATE_LIMIT, bodyLimit: PUBLIC_BODY_LIMIT, logLevel: PUBLIC_LOG_LEVEL } as const;

  router.route(publicReportsApi.submit, {
    ...publicRoute,
    handler: async ({ tx, body }) => ({ receiptCode: await submitPublicReport(tx, keyring, body) }),
  });

  router.route(publicReportsApi.addTo, {
    ...publicRoute,
    handler: async ({ tx, body }) => {
      // Same answer for a known and an unknown code: the endpoint never confirms a report exists.
      await addToPublicReport(tx, keyring, body.receiptCode, body.text);
      return { ok: true } as const;
    },
  });
}
