import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadAppConfig, type AppConfig } from '../../../src/config/app-config';
import { ConfigModule } from '../../../src/config/config.module';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { ExportsModule } from '../../../src/exports/exports.module';
import { ReportsModule } from '../../../src/reports/reports.module';
import type { DatabaseKind } from '../../utils/test-app.util';

export interface ReportsTestContext {
  config: AppConfig;
  dataSource: DataSource;
  get<T>(token: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** A fresh database (temp SQLite file, or a new PostgreSQL database) migrated, with the report and export modules. */
export async function createReportsTestContext(kind: DatabaseKind): Promise<ReportsTestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reports-test-'));
  const database = kind === 'postgres' ? await createPostgresDatabase() : null;
  const config = loadAppConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot(buildDataSourceOptions(config)),
      ReportsModule,
      ExportsModule,
    ],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    config,
    dataSource: moduleRef.get(DataSource),
    get: (token) => moduleRef.get(token),
    async close() {
      await moduleRef.close();
      if (database) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL as string;
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
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
