import { resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface AppConfig {
  port: number;
  databaseKind: DatabaseKind;
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  appSecret: string | null;
  verifyToken: string | null;
  bootstrapApiKey: string | null;
  webhookMaxBodyBytes: number;
  /** New messages a bulk import keeps in memory to write each once, with its charge. */
  importHeldMessages: number;
  logLevel: string;
  production: boolean;
  /** The server applies logged webhook bodies; command-line tools leave that to it. */
  processWebhookQueue: boolean;
  /** False for read-only tools (reports, simulations), which may run beside the SQLite server. */
  writesDatabase: boolean;
  /** Attempts, 3 s apart, to reach the database at start after the first fails (tools: none). */
  databaseConnectRetries: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once; every problem is reported together. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = integerSetting(env, 'PORT', 3000, 0, 65535, problems);
  const webhookMaxBodyBytes = integerSetting(
    env,
    'WEBHOOK_MAX_BODY_BYTES',
    16 * 1024 * 1024,
    1024,
    512 * 1024 * 1024,
    problems,
  );
  // Held messages take about 2 KB of heap each: by default they may fill half of it.
  const importHeldMessages = integerSetting(
    env,
    'IMPORT_HELD_MESSAGES',
    Math.floor(getHeapStatistics().heap_size_limit / 4096),
    0,
    100_000_000,
    problems,
  );
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite)',
    );
  }
  const dataDir = resolve(nonEmpty(env.DATA_DIR) ?? './data');
  const logLevel = nonEmpty(env.LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}"`);
  }
  const bootstrapApiKey = nonEmpty(env.BOOTSTRAP_API_KEY);
  if (bootstrapApiKey !== null && bootstrapApiKey.length < 16) {
    problems.push('BOOTSTRAP_API_KEY must be at least 16 characters long');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    databaseKind: databaseUrl === null ? 'sqlite' : 'postgres',
    databaseUrl,
    dataDir,
    sqliteFile: resolve(dataDir, 'billing.sqlite'),
    appSecret: nonEmpty(env.WHATSAPP_APP_SECRET),
    verifyToken: nonEmpty(env.WHATSAPP_VERIFY_TOKEN),
    bootstrapApiKey,
    webhookMaxBodyBytes,
    importHeldMessages,
    logLevel,
    production: env.NODE_ENV === 'production',
    processWebhookQueue: true,
    writesDatabase: true,
    databaseConnectRetries: 9,
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = nonEmpty(env[name]);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be a whole number between ${min} and ${max}; got "${raw}"`);
    return fallback;
  }
  return Number(raw);
}
