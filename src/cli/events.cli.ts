import { hostname, userInfo } from 'node:os';
import { loadAppConfig } from '../config/app-config';
import type { CliCommand, CliIo } from './cli-command.types';
import { CliUsageError } from './cli-usage.error';
import { EVENTS_USAGE, parseEventsArgs, runEventsCommand } from './events-command.util';
import { openCliApplication } from './open-cli-application.util';
import { runCli } from './run-cli.util';

const [SYNOPSIS, ...HELP] = EVENTS_USAGE.split('\n');

export const eventsCommand: CliCommand = {
  name: 'events',
  synopsis: SYNOPSIS,
  help: HELP.join('\n'),
  run: runEvents,
};

async function runEvents(io: CliIo): Promise<number> {
  const command = parseEventsArgs(io.argv);
  if (command.kind === 'help') {
    io.stdout.write(`${EVENTS_USAGE}\n`);
    return 0;
  }
  if (command.kind === 'usage') throw new CliUsageError(command.problem);
  const app = await openCliApplication(io, loadAppConfig(io.env));
  const { SetAsideEventsService } = await import('../ingestion/services/set-aside-events.service');
  try {
    return await runEventsCommand(
      command,
      app.get(SetAsideEventsService),
      { out: (text) => io.stdout.write(`${text}\n`) },
      `command line (${systemUser()}@${hostname()})`,
    );
  } finally {
    await app.close();
  }
}

/** The system user running the command, for the audit of discards. */
function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown user';
  }
}

if (require.main === module) runCli(eventsCommand);
