import { sweepReportRetention } from '../reports/report-retention.js';
import type { CliCommand } from './commands.js';
import { openKeys, withDatabase } from './cli-support.js';

/** `sanad erase-expired-reports`: the hourly retention sweep, run once now (after lowering the limit, or from cron). */
export const REPORT_RETENTION_COMMANDS: CliCommand[] = [
  {
    name: 'erase-expired-reports',
    summary: 'Erase the personal content of closed reports past the retention limit',
    help:
      'sanad erase-expired-reports\n\nErases, now, what the hourly retention sweep would: the narrative, the reporter\'s contact, the place,\n' +
      'the additions and the receipt code of every report closed more than SANAD_PUBLIC_REPORT_RETENTION_DAYS\n' +
      'days ago (default 365) that led to no case. The report keeps its de-identified facts for the statistics.\n' +
      'Writes one audit event when it erased anything. Safe to run repeatedly.',
    options: {},
    async run(config) {
      const result = await withDatabase(config, async (database) => {
        // The keys sign the audit row; openKeys also proves they belong to this database.
        await openKeys(config, database);
        return sweepReportRetention(database.db, new Date(), config.publicReportRetentionDays);
      });
      process.stdout.write(
        result.reports || result.additions
          ? `Erased the personal content of ${result.reports} report(s) and ${result.additions} addition(s) (closed more than ${config.publicReportRetentionDays} days ago, no case).\n`
          : `No report to erase (limit: ${config.publicReportRetentionDays} days after closure).\n`,
      );
      return 0;
    },
  },
];
