import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/**
 * Prints, for SQLite and PostgreSQL, the SQL that would bring a migrated database in line with
 * the entities: the body of the next migration. `npm run db:pending -- postgres://…`
 */
async function main(): Promise<void> {
  const postgresUrl = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/billing_pending';
  const sqliteFile = join(mkdtempSync(join(tmpdir(), 'pending-')), 'pending.sqlite');
  for (const options of [
    buildDataSourceOptions({ databaseKind: 'sqlite', databaseUrl: null, sqliteFile }),
    buildDataSourceOptions({ databaseKind: 'postgres', databaseUrl: postgresUrl, sqliteFile }),
  ]) {
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    process.stdout.write(`=== ${options.type}\n`);
    for (const query of pending.upQueries) process.stdout.write(`${query.query};\n`);
    await dataSource.destroy();
  }
}

void main();
