import { parseArgs } from 'node:util';
import { MAX_PAGE_SIZE, pageSize } from '../common/graphql/connection.util';
import {
  parseRawEventId,
  type SetAsideEvent,
  type SetAsideEventsService,
} from '../ingestion/services/set-aside-events.service';

const CLI_PAGE_SIZE = 20;

export const EVENTS_USAGE = `usage: npm run events -- COMMAND [options]
Webhook bodies the queue set aside after every attempt of their retry schedule (GET /health
counts them as webhookQueue.failed):
  list [--first N] [--after ID] [--discarded]
        list them, oldest first, with their last error (N per page, default ${CLI_PAGE_SIZE}, at most ${MAX_PAGE_SIZE};
        --after: the id the previous page ended with; --discarded: the discarded ones instead)
  replay ID... | replay --all
        apply them again after a fix, one by one, as the queue does (their messages re-rated);
        prints each outcome; exits 1 when one fails again (it stays set aside)
  discard ID... --reason TEXT
        discard them for good: never applied, no longer counted as failed; the reason, who
        (this command line and the system user) and when are kept
  --help
        this text`;

export type EventsCommand =
  | { kind: 'help' }
  | { kind: 'usage'; problem: string }
  | { kind: 'list'; first: number | null; after: string | null; discarded: boolean }
  | { kind: 'replay'; ids: string[] | null }
  | { kind: 'discard'; ids: string[]; reason: string };

/** Reads `npm run events` arguments; nothing here touches the database. */
export function parseEventsArgs(argv: readonly string[]): EventsCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean', short: 'h' },
        first: { type: 'string' },
        after: { type: 'string' },
        discarded: { type: 'boolean' },
        all: { type: 'boolean' },
        reason: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { kind: 'usage', problem: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...ids] = positionals;
  const unexpected = (options: string[]) => {
    const given = options.filter((name) => values[name as keyof typeof values] !== undefined);
    return given.length > 0 ? `${command} takes no --${given.join(', --')}` : null;
  };
  switch (command) {
    case 'list': {
      const problem = unexpected(['all', 'reason']);
      if (problem) return { kind: 'usage', problem };
      if (ids.length > 0) return { kind: 'usage', problem: 'list takes no ids' };
      if (values.first !== undefined && !/^\d+$/.test(values.first)) {
        return { kind: 'usage', problem: `--first must be a number; got "${values.first}"` };
      }
      return {
        kind: 'list',
        first: values.first === undefined ? null : Number(values.first),
        after: values.after ?? null,
        discarded: values.discarded === true,
      };
    }
    case 'replay': {
      const problem = unexpected(['first', 'after', 'discarded', 'reason']);
      if (problem) return { kind: 'usage', problem };
      if ((ids.length === 0) === (values.all !== true)) {
        return { kind: 'usage', problem: 'replay takes ids, or --all' };
      }
      return { kind: 'replay', ids: values.all === true ? null : ids };
    }
    case 'discard': {
      const problem = unexpected(['first', 'after', 'discarded', 'all']);
      if (problem) return { kind: 'usage', problem };
      if (ids.length === 0) return { kind: 'usage', problem: 'discard takes the ids to discard' };
      if (values.reason === undefined || values.reason.trim() === '') {
        return { kind: 'usage', problem: 'discard needs --reason TEXT' };
      }
      return { kind: 'discard', ids, reason: values.reason };
    }
    case undefined:
      return { kind: 'usage', problem: 'name a command: list, replay or discard' };
    default:
      return { kind: 'usage', problem: `unknown command "${command}"` };
  }
}

export interface CommandOutput {
  out(text: string): void;
}

/**
 * Runs a parsed command (not help or usage) and returns the exit code: 0, or 1 when a replayed
 * body failed again. Domain errors (an unknown id, a body not set aside) are thrown.
 */
export async function runEventsCommand(
  command: Extract<EventsCommand, { kind: 'list' | 'replay' | 'discard' }>,
  setAside: SetAsideEventsService,
  output: CommandOutput,
  operator: string,
): Promise<number> {
  switch (command.kind) {
    case 'list': {
      const page = await setAside.list({
        first: pageSize(command.first ?? CLI_PAGE_SIZE),
        afterId: command.after === null ? null : parseRawEventId(command.after, '--after'),
        discarded: command.discarded,
      });
      const what = command.discarded ? 'discarded' : 'set-aside';
      for (const event of page.events) output.out(describe(event));
      const last = page.events.at(-1);
      output.out(
        `${page.events.length} of ${page.totalCount} ${what} webhook bodies${page.hasNextPage && last ? `; next page: --after ${last.id}` : ''}`,
      );
      return 0;
    }
    case 'replay': {
      const result = await setAside.replay(command.ids);
      for (const entry of result.results) {
        output.out(`#${entry.id} ${entry.outcome}${entry.error ? `: ${entry.error}` : ''}`);
      }
      output.out(
        `replayed ${result.results.length}: ${result.applied} applied, ${result.failed} failed`,
      );
      return result.failed > 0 ? 1 : 0;
    }
    case 'discard': {
      const ids = await setAside.discard(command.ids, command.reason, operator);
      output.out(`discarded ${ids.map((id) => `#${id}`).join(', ')} (${command.reason.trim()})`);
      return 0;
    }
  }
}

const PREVIEW = 200;

function describe(event: SetAsideEvent): string {
  const lines = [
    `#${event.id}  received ${event.receivedAt.toISOString()}  ${event.source}  ${event.attempts} attempts${event.setAsideAt ? `  set aside ${event.setAsideAt.toISOString()}` : ''}`,
    `    last error: ${event.lastError ?? '(none)'}`,
  ];
  if (event.discardedAt) {
    lines.push(
      `    discarded ${event.discardedAt.toISOString()} by ${event.discardedBy ?? '?'}: ${event.discardReason ?? ''}`,
    );
  }
  const body = event.body.length > PREVIEW ? `${event.body.slice(0, PREVIEW)}…` : event.body;
  lines.push(`    body (${event.body.length} characters): ${body}`);
  return lines.join('\n');
}
