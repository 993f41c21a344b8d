import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { KeyError } from '../crypto/keyring.js';
import { COMMANDS } from './commands.js';
import { AppError } from '../http/app-error.js';

const USAGE = `Usage: sanad <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`).join('\n')}

Run "sanad <command> --help" for a command's options.
Configuration comes from the environment (DATABASE_URL, SANAD_DATA_DIR, SANAD_MASTER_KEY, ...).`;

/** Entry point of `npx sanad`. */
async function main(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return first ? 0 : 1;
  }
  // "audit verify" is a two-word command.
  const name = first === 'audit' && second && !second.startsWith('-') ? `audit ${second}` : first;
  const args = name === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 1;
  }
  const parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true });
  if (parsed.values['help']) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  const config = loadConfig();
  return command.run(config, parsed.values as Record<string, string | boolean | undefined>);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ConfigError || error instanceof KeyError || error instanceof AppError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    // A refused value (weak password, taken username) says why, in the words of the policy.
    const reason = error instanceof AppError && typeof error.details?.['reason'] === 'string' ? ` (${error.details['reason']}; at least 12 characters, not a common password, not containing the username)` : '';
    process.stderr.write(`sanad: ${error instanceof Error ? error.message : String(error)}${error instanceof AppError && error.code === 'WEAK_PASSWORD' ? reason : ''}\n`);
    if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
