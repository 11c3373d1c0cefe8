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
  /** The largest file `POST /imports` takes (bytes). */
  importMaxUploadBytes: number;
  logLevel: string;
  production: boolean;
  /** The server applies logged webhook bodies; command-line tools leave that to it. */
  processWebhookQueue: boolean;
  /** False for read-only tools (reports, simulations), which may run beside the SQLite server. */
  writesDatabase: boolean;
  /** Attempts, 3 s apart, to reach the database at start after the first fails (tools: none). */
  databaseConnectRetries: number;
  /** AES-256 key for WABA access tokens (TOKEN_ENCRYPTION_KEY); null: tokens cannot be stored. */
  tokenEncryptionKey: Buffer | null;
  /** Graph API base URL with its version, e.g. https://graph.facebook.com/v24.0. */
  metaGraphApiUrl: string;
  /** Past days (besides today) the daily pricing_analytics pull covers. */
  metaAnalyticsDays: number;
  /** Attempts per Graph API request (throttling and 5xx are retried with backoff). */
  metaGraphMaxAttempts: number;
  /** First retry delay of a Graph API request; doubled at each retry. */
  metaGraphRetryBaseMs: number;
  /** Hours after a WABA's local month end before the month closes (late statuses still arrive). */
  monthCloseDelayHours: number;
  /** The server runs the scheduler (analytics pulls, month closes, budgets, deliveries). */
  runScheduler: boolean;
  schedulerIntervalSeconds: number;
  /** Signed HTTP callback for notifications; null when NOTIFY_CALLBACK_URL is unset. */
  callback: { url: string; secret: string } | null;
  /** E-mail notifications; null when SMTP_URL is unset. */
  smtp: { url: string; from: string; to: string[] } | null;
  notifyMaxAttempts: number;
  notifyRetryBaseSeconds: number;
  /** Bearer token GET /metrics requires (METRICS_TOKEN); null: the metrics are open. */
  metricsToken: string | null;
  /** /health/ready answers 503 once the oldest webhook body still to apply is older than this. */
  readyMaxQueueAgeSeconds: number;
  /** A stop (SIGTERM, SIGINT) that takes longer than this ends the process with exit code 1. */
  shutdownTimeoutSeconds: number;
  /** One JSON log line per HTTP request that reaches the framework (off for the demo's own service). */
  accessLog: boolean;
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
  const importMaxUploadBytes = integerSetting(
    env,
    'IMPORT_MAX_UPLOAD_BYTES',
    4 * 1024 ** 3,
    1024,
    Number.MAX_SAFE_INTEGER,
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
  const tokenEncryptionKey = encryptionKey(env, problems);
  const metaGraphApiUrl = (
    httpUrl(env, 'META_GRAPH_API_URL', problems) ?? 'https://graph.facebook.com/v24.0'
  ).replace(/\/+$/, '');
  const metaAnalyticsDays = integerSetting(env, 'META_ANALYTICS_DAYS', 3, 1, 90, problems);
  const metaGraphMaxAttempts = integerSetting(env, 'META_GRAPH_MAX_ATTEMPTS', 5, 1, 20, problems);
  const metaGraphRetryBaseMs = integerSetting(
    env,
    'META_GRAPH_RETRY_BASE_MS',
    1000,
    1,
    600_000,
    problems,
  );
  const monthCloseDelayHours = integerSetting(
    env,
    'MONTH_CLOSE_DELAY_HOURS',
    72,
    0,
    24 * 60,
    problems,
  );
  const scheduler = nonEmpty(env.SCHEDULER) ?? 'on';
  if (scheduler !== 'on' && scheduler !== 'off') {
    problems.push(`SCHEDULER must be on or off; got "${scheduler}"`);
  }
  const schedulerIntervalSeconds = integerSetting(
    env,
    'SCHEDULER_INTERVAL_SECONDS',
    60,
    1,
    86_400,
    problems,
  );
  const callbackUrl = httpUrl(env, 'NOTIFY_CALLBACK_URL', problems);
  const callbackSecret = nonEmpty(env.NOTIFY_CALLBACK_SECRET);
  if (callbackUrl !== null && (callbackSecret === null || callbackSecret.length < 16)) {
    problems.push(
      'NOTIFY_CALLBACK_SECRET (at least 16 characters) is needed with NOTIFY_CALLBACK_URL',
    );
  }
  const smtp = smtpSettings(env, problems);
  const notifyMaxAttempts = integerSetting(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 100, problems);
  const notifyRetryBaseSeconds = integerSetting(
    env,
    'NOTIFY_RETRY_BASE_SECONDS',
    30,
    1,
    86_400,
    problems,
  );
  const metricsToken = nonEmpty(env.METRICS_TOKEN);
  if (metricsToken !== null && metricsToken.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters long');
  }
  const readyMaxQueueAgeSeconds = integerSetting(
    env,
    'READY_MAX_QUEUE_AGE_SECONDS',
    300,
    1,
    86_400,
    problems,
  );
  const shutdownTimeoutSeconds = integerSetting(
    env,
    'SHUTDOWN_TIMEOUT_SECONDS',
    25,
    1,
    3_600,
    problems,
  );
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
    importMaxUploadBytes,
    logLevel,
    production: env.NODE_ENV === 'production',
    processWebhookQueue: true,
    writesDatabase: true,
    databaseConnectRetries: 9,
    tokenEncryptionKey,
    metaGraphApiUrl,
    metaAnalyticsDays,
    metaGraphMaxAttempts,
    metaGraphRetryBaseMs,
    monthCloseDelayHours,
    runScheduler: scheduler === 'on',
    schedulerIntervalSeconds,
    callback:
      callbackUrl !== null && callbackSecret !== null
        ? { url: callbackUrl, secret: callbackSecret }
        : null,
    smtp,
    notifyMaxAttempts,
    notifyRetryBaseSeconds,
    metricsToken,
    readyMaxQueueAgeSeconds,
    shutdownTimeoutSeconds,
    accessLog: true,
  };
}

/** TOKEN_ENCRYPTION_KEY: 32 bytes as 64 hexadecimal digits or in base64. */
function encryptionKey(env: NodeJS.ProcessEnv, problems: string[]): Buffer | null {
  const raw = nonEmpty(env.TOKEN_ENCRYPTION_KEY);
  if (raw === null) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : null;
  if (key === null || key.length !== 32) {
    problems.push(
      'TOKEN_ENCRYPTION_KEY must be 32 bytes: 64 hexadecimal digits or 44 base64 characters (openssl rand -base64 32)',
    );
    return null;
  }
  return key;
}

function httpUrl(env: NodeJS.ProcessEnv, name: string, problems: string[]): string | null {
  const raw = nonEmpty(env[name]);
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http:// or https:// URL`);
  return null;
}

/** SMTP_URL with NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO (comma-separated), all or none. */
function smtpSettings(
  env: NodeJS.ProcessEnv,
  problems: string[],
): { url: string; from: string; to: string[] } | null {
  const url = nonEmpty(env.SMTP_URL);
  if (url === null) return null;
  let valid = false;
  try {
    valid = ['smtp:', 'smtps:'].includes(new URL(url).protocol);
  } catch {
    valid = false;
  }
  if (!valid) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  const from = nonEmpty(env.NOTIFY_EMAIL_FROM);
  const to = (nonEmpty(env.NOTIFY_EMAIL_TO) ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  if (from === null || to.length === 0) {
    problems.push('SMTP_URL needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO (comma-separated)');
  }
  return valid && from !== null && to.length > 0 ? { url, from, to } : null;
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
