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
