/**
 * Settings from the environment (and `.env` through dotenv), validated once at start-up.
 * A wrong or missing variable stops the process with a message that names it.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'a TCP port from 0 (any free port) to 65535' })
    .int()
    .min(0, 'a TCP port from 0 (any free port) to 65535')
    .max(65535, 'a TCP port from 0 (any free port) to 65535')
    .default(3978),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalString.pipe(z.string().url('an absolute URL such as https://bot.example.org').optional()),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
  MONGODB_URI: optionalString.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// or mongodb+srv:// URI')
      .optional(),
  ),
  CONTENT_DIR: z.string().default('content'),
  DEFAULT_CITY: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DIRECTLINE_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DIRECTLINE_SECRET: optionalString,
  USER_STATE_TTL_DAYS: z.coerce.number({ error: 'a whole number of days from 1 to 3650' }).int().min(1).max(3650).default(90),
});

/** The validated configuration the rest of the app receives. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Public base URL; defaults to http://localhost:<port>. */
  readonly publicUrl: string;
  readonly microsoftApp: {
    readonly id?: string;
    readonly password?: string;
    readonly type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
  };
  readonly mongodbUri?: string;
  readonly contentDir: string;
  readonly defaultCity?: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Serve the local Direct Line endpoint and web chat page. */
  readonly directLine: { readonly enabled: boolean; readonly secret?: string };
  readonly userStateTtlDays: number;
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates `env` (default: process.env) and returns the configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])] ?? null)})`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError(
      'invalid configuration:\n  MicrosoftAppPassword: required when MicrosoftAppId is set (unless MicrosoftAppType=UserAssignedMSI)',
    );
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('invalid configuration:\n  MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    microsoftApp: { id: e.MicrosoftAppId, password: e.MicrosoftAppPassword, type: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    mongodbUri: e.MONGODB_URI,
    contentDir: path.resolve(e.CONTENT_DIR),
    defaultCity: e.DEFAULT_CITY,
    logLevel: e.LOG_LEVEL,
    directLine: { enabled: e.DIRECTLINE_ENABLED, secret: e.DIRECTLINE_SECRET },
    userStateTtlDays: e.USER_STATE_TTL_DAYS,
  };
}
