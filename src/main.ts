import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { CliCommand, CliIo } from './cli/cli-command.types';
import { parseCliArgs } from './cli/parse-cli-args.util';
import { runCli } from './cli/run-cli.util';
import { loadAppConfig } from './config/app-config';
import { exitWithParent } from './server/exit-with-parent.util';
import { stopGracefullyOnSignals } from './server/graceful-shutdown.util';
import { startupBanner } from './server/startup-banner.util';

export const startCommand: CliCommand = {
  name: 'start',
  synopsis: 'usage: npm start',
  help: `Starts the billing service: Meta's webhooks, GraphQL, exports, imports over HTTP. Configured
by the environment (README, "Configuration"); the main settings:

  PORT                 HTTP port (default 3000; 0 lets the system choose)
  DATABASE_URL         a postgres:// URL selects PostgreSQL; unset means SQLite in DATA_DIR
  DATA_DIR             the SQLite file, exports and uploaded imports (default ./data)
  WHATSAPP_APP_SECRET  checks Meta's webhook signatures; unset, unsigned webhooks are accepted
  BOOTSTRAP_API_KEY    an admin API key with exactly this value
  LOG_LEVEL            fatal, error, warn, info (default), debug, trace or silent

Once it listens it prints its addresses and database on stdout, and, on the first start, the
admin API key it generated (shown only then). Under npm start it stops when npm is stopped.`,
  run: runServer,
};

/** Runs until a signal stops it gracefully (`stopGracefullyOnSignals`), which ends the process. */
async function runServer(io: CliIo): Promise<number> {
  parseCliArgs(io.argv, {}, { min: 0, max: 0, names: '' });
  const config = loadAppConfig(io.env);
  const { createApplication } = await import('./bootstrap');
  let generatedAdminKey: string | null = null;
  const app = await createApplication(config, {
    onAdminKeyGenerated: (secret) => (generatedAdminKey = secret),
    handleSignals: false,
  });
  await app.listen(config.port);
  const server = app.getHttpServer() as Server;
  stopGracefullyOnSignals({
    app,
    server,
    timeoutMs: config.shutdownTimeoutSeconds * 1000,
    log: (line) => io.stderr.write(`${line}\n`),
  });
  const banner = startupBanner({
    config,
    port: (server.address() as AddressInfo).port,
    generatedAdminKey,
  });
  io.stdout.write(banner.stdout);
  io.stderr.write(banner.stderr);
  // npm runs the script under a shell; a SIGTERM to npm ends npm and the shell, not this process.
  if (io.env.npm_lifecycle_event === 'start') {
    exitWithParent(() => {
      io.stderr.write('npm, which started the service, has ended: stopping\n');
      process.kill(process.pid, 'SIGTERM');
    });
  }
  return new Promise<number>(() => undefined);
}

if (require.main === module) runCli(startCommand);
