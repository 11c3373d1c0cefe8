import { hostname, userInfo } from 'node:os';
import { createApplicationContext } from '../app-context';
import { SetAsideEventsService } from '../ingestion/services/set-aside-events.service';
import { EVENTS_USAGE, parseEventsArgs, runEventsCommand } from './events-command.util';
import { runCli } from './run-cli.util';

async function main(): Promise<number> {
  const command = parseEventsArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${EVENTS_USAGE}\n`);
    return 0;
  }
  if (command.kind === 'usage') {
    process.stderr.write(`${command.problem}\n${EVENTS_USAGE}\n`);
    return 2;
  }
  const app = await createApplicationContext();
  try {
    return await runEventsCommand(
      command,
      app.get(SetAsideEventsService),
      { out: (text) => process.stdout.write(`${text}\n`) },
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

runCli(main);
