import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LOCALES } from '@shared/locales.js';
import { COUNTRY_CODES, type CountryCode } from '@shared/htcds/countries.js';

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
  SANAD_KEY_FILE: z.string().min(1).optional(),
  SANAD_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SANAD_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  SANAD_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  SANAD_DEMO: z.enum(['0', '1', 'true', 'false', '']).optional(),
  SANAD_DEFAULT_LOCALE: z.enum(LOCALES).default('ar'),
  // Countries the pickers do not offer, comma-separated ISO codes. The Moroccan deployment's default leaves out
  // EH ("Western Sahara"): the Moroccan authorities list its regions as Moroccan. Stored records keep any code.
  SANAD_COUNTRIES_WITHHELD: z
    .string()
    .default('EH')
    // 'none' offers every country (an empty variable counts as unset, so it cannot say that).
    .transform((value) => (value.trim().toLowerCase() === 'none' ? [] : value.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean)))
    .pipe(z.array(z.enum(COUNTRY_CODES))),
  SANAD_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  SANAD_TRUST_PROXY: z.string().default('0'),
  SANAD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SANAD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  // Days after a report is closed, unlinked to any case, before its personal content is erased (reports/report-retention.ts).
  // At least 30, so a case opened soon after the closure can still name the report as its source; at most ten years.
  SANAD_PUBLIC_REPORT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  /** Where the key file lives when SANAD_MASTER_KEY is not set; may be outside the data directory. */
  keyFile: string;
  /** The owner role's connection for migrations (PostgreSQL); the app itself runs as `sanad_app`. */
  migrationDatabaseUrl: string | undefined;
  /** A file outside the database to which each signed audit checkpoint is appended (JSON lines). */
  auditCheckpointFile: string | undefined;
  auditCheckpointMs: number;
  demo: boolean;
  defaultLocale: (typeof LOCALES)[number];
  /** Countries not offered in pickers (a deployment setting; see SANAD_COUNTRIES_WITHHELD). */
  countriesWithheld: CountryCode[];
  secureCookies: 'auto' | 'always' | 'never';
  /** Which proxies' X-Forwarded-For to believe: none, a hop count, or their addresses (CIDR allowed). */
  trustProxy: false | number | string[];
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Days after closure before a report linked to no case loses its narrative, contact, additions and receipt code. */
  publicReportRetentionDays: number;
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
  const dataDir = resolve(e.SANAD_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    masterKey: e.SANAD_MASTER_KEY,
    keyFile: e.SANAD_KEY_FILE ? resolve(e.SANAD_KEY_FILE) : join(dataDir, 'master.key'),
    migrationDatabaseUrl: e.SANAD_MIGRATION_DATABASE_URL,
    auditCheckpointFile: e.SANAD_AUDIT_CHECKPOINT_FILE ? resolve(e.SANAD_AUDIT_CHECKPOINT_FILE) : undefined,
    auditCheckpointMs: e.SANAD_AUDIT_CHECKPOINT_MINUTES * 60_000,
    demo: e.SANAD_DEMO === '1' || e.SANAD_DEMO === 'true',
    defaultLocale: e.SANAD_DEFAULT_LOCALE,
    countriesWithheld: e.SANAD_COUNTRIES_WITHHELD,
    secureCookies: e.SANAD_SECURE_COOKIES,
    trustProxy: parseTrustProxy(e.SANAD_TRUST_PROXY),
    sessionIdleMs: e.SANAD_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SANAD_SESSION_MAX_HOURS * 3_600_000,
    publicReportRetentionDays: e.SANAD_PUBLIC_REPORT_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-f:]+(\/\d{1,3})?$/i;

/**
 * Reads SANAD_TRUST_PROXY. Decision: never "trust every proxy". Believing the
 * whole X-Forwarded-For header lets any client write the address that the audit
 * trail records and that per-address rate limits count, so only a hop count
 * (the number of reverse proxies in front of Sanad) or the proxies' own
 * addresses are accepted.
 */
export function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  SANAD_TRUST_PROXY: "true" would let any client forge its address; give the number of proxies in front of Sanad (for example 1) or their addresses (for example 10.0.0.5,10.0.0.0/24)',
    );
  }
  const entries = v.split(',').map((part) => part.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !IPV4_OR_CIDR.test(entry) && !IPV6_OR_CIDR.test(entry) && !['loopback', 'linklocal', 'uniquelocal'].includes(entry));
  if (entries.length === 0 || bad.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  SANAD_TRUST_PROXY: expected 0, a hop count or proxy addresses (got ${JSON.stringify(value)})`);
  }
  return entries;
}
