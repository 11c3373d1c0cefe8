import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { CliCommand, CliIo } from '../cli/cli-command.types';
import { CLI_EXIT } from '../cli/cli-exit.constant';
import { CliUsageError } from '../cli/cli-usage.error';
import { parseCliArgs } from '../cli/parse-cli-args.util';
import { runCli } from '../cli/run-cli.util';
import { buildDataSourceOptions } from './data-source-options';

export const dbPendingCommand: CliCommand = {
  name: 'db:pending',
  synopsis: 'usage: npm run db:pending -- [POSTGRES_URL]',
  help: `Prints, for SQLite and PostgreSQL, the SQL that would bring a migrated database in line with
the entities: the body of the next migration (nothing under a driver means none is needed).

  POSTGRES_URL  a PostgreSQL database to migrate and compare
                (default postgres://postgres@127.0.0.1:5432/billing_pending)
  --help, -h    this help`,
  run: printPendingSchema,
};

async function printPendingSchema(io: CliIo): Promise<number> {
  const { positionals } = parseCliArgs(io.argv, {}, { min: 0, max: 1, names: '' });
  const postgresUrl = positionals[0] ?? 'postgres://postgres@127.0.0.1:5432/billing_pending';
  if (!/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new CliUsageError(`POSTGRES_URL must be a postgres:// URL; got "${postgresUrl}"`);
  }
  const sqliteFile = join(mkdtempSync(join(tmpdir(), 'pending-')), 'pending.sqlite');
  for (const options of [
    buildDataSourceOptions({ databaseKind: 'sqlite', databaseUrl: null, sqliteFile }),
    buildDataSourceOptions({ databaseKind: 'postgres', databaseUrl: postgresUrl, sqliteFile }),
  ]) {
    const dataSource = new DataSource(options);
    await dataSource.initialize();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    io.stdout.write(`=== ${options.type}\n`);
    for (const query of pending.upQueries) io.stdout.write(`${query.query};\n`);
    await dataSource.destroy();
  }
  return CLI_EXIT.OK;
}

if (require.main === module) runCli(dbPendingCommand);
