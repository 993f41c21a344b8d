import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '@shared/locales.js';

/** A configuration problem found at start; the message names the variable. */
export class ConfigError extends Error {}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SANAD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SANAD_MASTER_KEY: z.string().min(1).optional(),
  SANAD_DEMO: z.enum(['0', '1', 'true', 'false', '']).optional(),
  SANAD_DEFAULT_LOCALE: z.enum(LOCALES).default('ar'),
  SANAD_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  SANAD_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  SANAD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SANAD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  demo: boolean;
  defaultLocale: (typeof LOCALES)[number];
  secureCookies: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionMaxMs: number;
  logLevel: string;
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SANAD_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    masterKey: e.SANAD_MASTER_KEY,
    demo: e.SANAD_DEMO === '1' || e.SANAD_DEMO === 'true',
    defaultLocale: e.SANAD_DEFAULT_LOCALE,
    secureCookies: e.SANAD_SECURE_COOKIES,
    trustProxy: e.SANAD_TRUST_PROXY === '1' || e.SANAD_TRUST_PROXY === 'true',
    sessionIdleMs: e.SANAD_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SANAD_SESSION_MAX_HOURS * 3_600_000,
    logLevel: e.LOG_LEVEL,
  };
}
