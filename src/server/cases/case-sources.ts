import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { reports, screenings } from '../db/schema/index.js';
import { notFound } from '../http/app-error.js';
import { inScope } from '../policies/access.js';
import type { Actor } from '../policies/authorize.js';

/**
 * A new case may name as its sources only the report and the screening its
 * author can read: anything else answers 404, whether it exists elsewhere or
 * not at all, as any record out of scope (and never reaches the foreign key,
 * which would answer 500 and so reveal existence). A report named together
 * with the screening it came from is vouched for by that screening.
 */
export async function assertCaseSourcesInScope(tx: Tx, actor: Actor, sources: { sourceReportId?: string | null; sourceScreeningId?: string | null }): Promise<void> {
  let screeningReportId: string | null = null;
  if (sources.sourceScreeningId) {
    const [screening] = await tx
      .select({ reportId: screenings.reportId })
      .from(screenings)
      .where(and(eq(screenings.id, sources.sourceScreeningId), inScope(actor, 'screening.read', 'screening')));
    if (!screening) throw notFound('Screening');
    screeningReportId = screening.reportId;
  }
  if (sources.sourceReportId && sources.sourceReportId !== screeningReportId) {
    const [report] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.id, sources.sourceReportId), inScope(actor, 'report.read', 'report')));
    if (!report) throw notFound('Report');
  }
}
