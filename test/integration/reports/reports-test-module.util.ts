import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ChargeWriter } from '../../../src/charging/services/charge-writer.service';
import type { AppConfig } from '../../../src/config/app-config';
import { ConfigModule } from '../../../src/config/config.module';
import { DatabaseModule } from '../../../src/database/database.module';
import { ExportsModule } from '../../../src/exports/exports.module';
import { ReportsModule } from '../../../src/reports/reports.module';
import { createScratchDatabase } from '../../utils/scratch-database.util';
import type { DatabaseKind } from '../../utils/test-app.util';

export interface ReportsTestContext {
  config: AppConfig;
  dataSource: DataSource;
  get<T>(token: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** A fresh database (temp SQLite file, or a new PostgreSQL database) migrated, with the report and export modules and the charge writer. */
export async function createReportsTestContext(kind: DatabaseKind): Promise<ReportsTestContext> {
  const scratch = await createScratchDatabase(kind);
  const config = scratch.config;
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule, ReportsModule, ExportsModule],
    // The scenario's charges are written the way the charging service writes them.
    providers: [ChargeWriter],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    config,
    dataSource: moduleRef.get(DataSource),
    get: (token) => moduleRef.get(token),
    async close() {
      await moduleRef.close();
      await scratch.dispose();
    },
  };
}
