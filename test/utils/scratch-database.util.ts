import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config';
import type { DatabaseKind } from './test-app.util';

export interface ScratchDatabase {
  config: AppConfig;
  dispose(): Promise<void>;
}

/**
 * A configuration on a throwaway store: a SQLite file in a temporary folder, or a new
 * PostgreSQL database created through TEST_DATABASE_URL and dropped by dispose().
 */
export async function createScratchDatabase(
  kind: DatabaseKind,
  env: NodeJS.ProcessEnv = {},
): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'billing-test-'));
  let databaseUrl: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (kind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `billing_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = async (sql: string) => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  return {
    config,
    async dispose() {
      if (drop) await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
