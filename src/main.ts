import 'reflect-metadata';
import { createApplication } from './bootstrap';
import { ConfigError, loadAppConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApplication(config);
  await app.listen(config.port);
  process.stdout.write(
    `Billing service listening on http://localhost:${config.port} (${config.databaseKind === 'sqlite' ? `SQLite at ${config.sqliteFile}` : 'PostgreSQL'})\n`,
  );
}

void main();
