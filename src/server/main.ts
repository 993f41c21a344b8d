import { ConfigError, loadConfig } from './config/config.js';
import { KeyError } from './crypto/keyring.js';
import { createLogger, createSanad } from './system.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { startNotificationSweeps } from './notifications/reflection-sweep.js';
import { startReferralSweeps } from './referrals/referral-sweeps.js';
import { startReportRetention } from './reports/report-retention.js';
import { startPeriodicTask } from './ops/periodic-task.js';
import { startAuditCheckpoints } from './audit/checkpoint-task.js';

const DRAIN_TIMEOUT_MS = 10_000;

/** `npm start`: configuration → keys → database → HTTP, with graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  let sanad;
  try {
    sanad = await createSanad(config, { logger });
  } catch (error) {
    if (error instanceof KeyError) {
      logger.fatal({ reason: error.message }, 'encryption keys do not match the data; refusing to start');
      process.stderr.write(`\nSanad cannot start: ${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(sanad.ctx);
    const banner = [
      '',
      '!!! DEMO MODE (SANAD_DEMO=1): demo accounts with a published password are active.',
      '!!! Never use demo mode with real victims\' data.',
      seeded ? '!!! Demo data was seeded into the empty database.' : '!!! The database already had data; nothing was seeded.',
      '',
    ].join('\n');
    process.stderr.write(banner);
    logger.warn({ seeded }, 'demo mode is on');
  }
  await sanad.app.listen({ port: config.port, host: config.host });
  // Periodic alerts (reflection periods ending, referrals and follow-ups overdue).
  const stopSweeps = [startNotificationSweeps(sanad.ctx), startReferralSweeps(sanad.ctx)];
  // PGlite has no autovacuum daemon: refresh planner statistics ourselves, hourly.
  if (sanad.ctx.database.kind === 'embedded') {
    const { pool } = sanad.ctx.database;
    // ANALYZE needs the tables' owner; the application role may only ask the owner's function for it.
    stopSweeps.push(startPeriodicTask(logger, 'analyze', 3_600_000, async () => void (await pool.query('SELECT refresh_planner_statistics()'))));
  }
  // Signed checkpoints of the audit chains, stored and copied to SANAD_AUDIT_CHECKPOINT_FILE.
  stopSweeps.push(startAuditCheckpoints(sanad.ctx));
  // Hourly: closed reports that led to no case lose their personal content after SANAD_PUBLIC_REPORT_RETENTION_DAYS.
  stopSweeps.push(startReportRetention(sanad.ctx));
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.info({ url, database: sanad.ctx.database.kind }, 'Sanad is listening');
  process.stderr.write(`\nSanad is running. Sign in at ${url}/login (database: ${sanad.ctx.database.kind === 'embedded' ? `embedded, in ${config.dataDir}` : 'PostgreSQL'})\n`);
  const { rows } = await sanad.ctx.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (rows[0]?.n === 0) {
    process.stderr.write('There are no accounts yet. Create the first administrator with:\n  npx sanad create-admin --username <name>\nor try the demo data with: npm run demo (on an empty data directory)\n');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const timer = setTimeout(() => {
      logger.error('drain timed out; exiting');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    for (const stopSweep of stopSweeps) stopSweep();
    await sanad.close();
    clearTimeout(timer);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Sanad failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
