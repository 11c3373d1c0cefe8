import { getHeapStatistics } from 'node:v8';
import { ConfigError, loadAppConfig } from '../app-config';

describe(loadAppConfig.name, () => {
  it('defaults to SQLite in ./data on port 3000', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseKind: 'sqlite',
      databaseUrl: null,
      appSecret: null,
    });
    expect(config.sqliteFile.endsWith('/data/billing.sqlite')).toBe(true);
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL', () => {
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u@h:5432/db' })).toMatchObject({
      databaseKind: 'postgres',
      databaseUrl: 'postgres://u@h:5432/db',
    });
  });

  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      loadAppConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        BOOTSTRAP_API_KEY: 'short',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'PORT must be a whole number between 0 and 65535; got "eighty"',
      'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite)',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud"',
      'BOOTSTRAP_API_KEY must be at least 16 characters long',
    ]);
  });

  it('lets bulk imports hold new messages in half the heap unless IMPORT_HELD_MESSAGES says', () => {
    expect(loadAppConfig({}).importHeldMessages).toBe(
      Math.floor(getHeapStatistics().heap_size_limit / 4096),
    );
    expect(loadAppConfig({ IMPORT_HELD_MESSAGES: '0' }).importHeldMessages).toBe(0);
    expect(() => loadAppConfig({ IMPORT_HELD_MESSAGES: '-5' })).toThrow(
      'IMPORT_HELD_MESSAGES must be a whole number between 0 and 100000000; got "-5"',
    );
  });
});

describe('loadAppConfig: Meta analytics, notifications and month close', () => {
  it('is off by default and reads a 32-byte token key in hex or base64', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      tokenEncryptionKey: null,
      metaGraphApiUrl: 'https://graph.facebook.com/v24.0',
      metaAnalyticsDays: 3,
      monthCloseDelayHours: 72,
      runScheduler: true,
      callback: null,
      smtp: null,
    });
    const hex = 'ab'.repeat(32);
    expect(loadAppConfig({ TOKEN_ENCRYPTION_KEY: hex }).tokenEncryptionKey).toEqual(
      Buffer.from(hex, 'hex'),
    );
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadAppConfig({ TOKEN_ENCRYPTION_KEY: base64 }).tokenEncryptionKey).toEqual(
      Buffer.alloc(32, 7),
    );
  });

  it('reports a bad key, a callback without its secret and SMTP without addresses', () => {
    let caught: unknown;
    try {
      loadAppConfig({
        TOKEN_ENCRYPTION_KEY: 'too-short',
        NOTIFY_CALLBACK_URL: 'https://finance.example/hooks',
        NOTIFY_CALLBACK_SECRET: 'short',
        SMTP_URL: 'smtp://mail.example:25',
        META_GRAPH_API_URL: 'ftp://x',
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).problems).toEqual([
      'TOKEN_ENCRYPTION_KEY must be 32 bytes: 64 hexadecimal digits or 44 base64 characters (openssl rand -base64 32)',
      'META_GRAPH_API_URL must be an http:// or https:// URL',
      'NOTIFY_CALLBACK_SECRET (at least 16 characters) is needed with NOTIFY_CALLBACK_URL',
      'SMTP_URL needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO (comma-separated)',
    ]);
  });

  it('reads the callback and SMTP settings', () => {
    expect(
      loadAppConfig({
        NOTIFY_CALLBACK_URL: 'https://finance.example/hooks',
        NOTIFY_CALLBACK_SECRET: 'a-long-enough-secret',
        SMTP_URL: 'smtp://user:pass@mail.example:587',
        NOTIFY_EMAIL_FROM: 'billing@example.com',
        NOTIFY_EMAIL_TO: 'finance@example.com, cfo@example.com',
        META_GRAPH_API_URL: 'http://127.0.0.1:9999/v24.0/',
      }),
    ).toMatchObject({
      callback: { url: 'https://finance.example/hooks', secret: 'a-long-enough-secret' },
      smtp: {
        url: 'smtp://user:pass@mail.example:587',
        from: 'billing@example.com',
        to: ['finance@example.com', 'cfo@example.com'],
      },
      metaGraphApiUrl: 'http://127.0.0.1:9999/v24.0',
    });
  });
});
