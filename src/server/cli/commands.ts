import type { ParseArgsConfig } from 'node:util';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import { SYSTEM_CONTEXT } from '../audit/record-audit.js';
import { openKeys, withDatabase } from './cli-support.js';
import { AUDIT_COMMANDS } from './audit-commands.js';
import { SEARCH_INDEX_COMMANDS } from './search-index-commands.js';
import { REPORT_RETENTION_COMMANDS } from './report-retention-commands.js';
import { agencies } from '../db/schema/index.js';
import { createAdministratorFromConsole } from '../admin/users/user-commands.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';

export interface CliCommand {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(config: Config, values: Record<string, string | boolean | undefined>): Promise<number>;
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the password: set SANAD_ADMIN_PASSWORD.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(question)) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const ADMIN_AGENCY = 'Sanad system administration';

export const COMMANDS: CliCommand[] = [
  {
    name: 'migrate',
    summary: 'Apply pending database migrations',
    help: 'sanad migrate\n\nApplies the SQL migrations in src/server/db/migrations to the configured database\n(DATABASE_URL, or the embedded database under SANAD_DATA_DIR). Safe to run repeatedly.',
    options: {},
    async run(config) {
      // Opening migrates, as the owner role (SANAD_MIGRATION_DATABASE_URL, else DATABASE_URL).
      await withDatabase(config, async (database) => {
        const result = database.migrations!;
        process.stdout.write(
          result.applied.length ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n` : `Database is up to date (${result.alreadyApplied} migrations).\n`,
        );
      });
      return 0;
    },
  },
  {
    name: 'create-admin',
    summary: 'Create the first administrator account',
    help:
      'sanad create-admin --username U [--name "Display name"]\n\nCreates an administrator in the agency "Sanad system administration" (created if missing).\n' +
      'The password comes from SANAD_ADMIN_PASSWORD or is asked for interactively. It must be at least 12 characters\n' +
      'and not a common password. The administrator enrols two-factor authentication at first sign-in.',
    options: { username: { type: 'string', short: 'u' }, name: { type: 'string' } },
    async run(config, values) {
      const username = String(values['username'] ?? '').trim().toLowerCase();
      if (!username) throw new Error('--username is required (see sanad create-admin --help).');
      const password = process.env['SANAD_ADMIN_PASSWORD'] || (await promptHidden('Password for the new administrator: '));
      await withDatabase(config, async (database) => {
        await openKeys(config, database);
        await database.db.transaction(async (tx) => {
          let agency = (await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.name, ADMIN_AGENCY)))[0];
          agency ??= (await tx.insert(agencies).values({ name: ADMIN_AGENCY, type: 'CentralGovernmentOrganisation' }).returning({ id: agencies.id }))[0]!;
          await createAdministratorFromConsole(tx, { ...SYSTEM_CONTEXT, actorUsername: 'cli' }, {
            username,
            displayName: String(values['name'] ?? username),
            agencyId: agency.id,
            locale: config.defaultLocale,
            password,
          });
        });
      });
      process.stdout.write(`Administrator "${username}" created. Sign in and enrol two-factor authentication.\n`);
      return 0;
    },
  },
  {
    name: 'seed-demo',
    summary: 'Seed demo agencies, accounts and data into an empty database',
    help: 'sanad seed-demo\n\nSeeds the demo data (see README: demo accounts) when the database has no users yet.\nFor demonstrations and tests only: the demo password is public.',
    options: {},
    async run(config) {
      const seeded = await withDatabase(config, async (database) => seedDemoIfEmpty({ database, keyring: await openKeys(config, database) }));
      process.stdout.write(seeded ? 'Demo data seeded.\n' : 'The database already has users; nothing was seeded.\n');
      return 0;
    },
  },
  ...AUDIT_COMMANDS,
  ...SEARCH_INDEX_COMMANDS,
  ...REPORT_RETENTION_COMMANDS,
];
