import type { AppContext } from '../http/app-context.js';
import { startPeriodicTask } from '../ops/periodic-task.js';
import { AuditTamperedError, writeCheckpoint } from './checkpoints.js';

/**
 * Signs a checkpoint of the audit chains on a schedule (SANAD_AUDIT_CHECKPOINT_MINUTES,
 * first shortly after start) whenever the trail moved, stores it, and appends it to
 * SANAD_AUDIT_CHECKPOINT_FILE when set, so a copy outside the database can later
 * reveal a truncated or rewritten trail. Returns the stop function.
 */
export function startAuditCheckpoints(ctx: Pick<AppContext, 'config' | 'database' | 'keyring' | 'logger'>): () => void {
  return startPeriodicTask(ctx.logger, 'audit-checkpoint', ctx.config.auditCheckpointMs, async () => {
    try {
      const checkpoint = await writeCheckpoint(ctx.database.pool, ctx.keyring, { file: ctx.config.auditCheckpointFile, onlyIfChanged: true });
      if (checkpoint) ctx.logger.info({ events: checkpoint.events, chains: checkpoint.chains.length }, 'audit checkpoint signed');
    } catch (error) {
      if (!(error instanceof AuditTamperedError)) throw error;
      // The trail lost or changed rows a signed checkpoint recorded: an alarm, not a retryable failure.
      ctx.logger.error({ reason: error.finding.reason, detail: error.finding.detail }, 'AUDIT TRAIL TAMPERED: no checkpoint signed; run sanad audit verify');
    }
  });
}
