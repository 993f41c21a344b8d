import { publicAdditionAnswer, publicAdditionBody, publicReportBody, publicReportReceipt } from '@shared/api/reports.js';
import type { ZodApp } from '../http/app.js';
import type { AppContext } from '../http/app-context.js';
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
const tags = ['public'];

/** The public reporting form (no login): report a suspicion, then add to it with the receipt code. */
export async function publicReportRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  const { db } = ctx.database;

  app.post('/api/public/reports', {
    config: { access: 'public', rateLimit: PUBLIC_REPORT_RATE_LIMIT },
    bodyLimit: PUBLIC_BODY_LIMIT,
    logLevel: PUBLIC_LOG_LEVEL,
    schema: { tags, body: publicReportBody, response: { 201: publicReportReceipt } },
    handler: async (request, reply) => {
      const receiptCode = await db.transaction((tx) => submitPublicReport(tx, ctx.keyring, request.body));
      return reply.status(201).send({ receiptCode });
    },
  });

  app.post('/api/public/reports/additions', {
    config: { access: 'public', rateLimit: PUBLIC_REPORT_RATE_LIMIT },
    bodyLimit: PUBLIC_BODY_LIMIT,
    logLevel: PUBLIC_LOG_LEVEL,
    schema: { tags, body: publicAdditionBody, response: { 202: publicAdditionAnswer } },
    handler: async (request, reply) => {
      // Same answer for a known and an unknown code: the endpoint never confirms a report exists.
      await db.transaction((tx) => addToPublicReport(tx, ctx.keyring, request.body.receiptCode, request.body.text));
      return reply.status(202).send({ ok: true });
    },
  });
}
