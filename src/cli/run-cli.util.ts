import { ConfigError } from '../config/app-config';
import { DomainError } from '../common/errors/domain.error';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliUsageError } from './cli-usage.error';

export const EXIT_CODES_HELP = `Exit codes:
  0  done, nothing rejected
  1  done, but the input had problems, listed on stderr with their line numbers
  2  called wrong (unknown option, missing or unreadable file, invalid configuration); nothing done
  3  failed on the way (database unreachable, unexpected error)`;

/** Connection errors of the database client: the configuration, not the command, is wrong. */
const DATABASE_UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  '28P01', // PostgreSQL: password authentication failed
  '3D000', // PostgreSQL: the database does not exist
]);

/**
 * Runs a command and returns its exit code, never throwing: `--help` prints the usage on stdout
 * (0); a bad call prints one line and the usage on stderr (2); a domain error prints its problems
 * (1); anything else prints one line (3), with the stack only when LOG_LEVEL is debug or trace.
 */
export async function executeCli(command: CliCommand, io: CliIo): Promise<number> {
  if (asksForHelp(io.argv)) {
    io.stdout.write(`${command.synopsis}\n\n${command.help.trimEnd()}\n\n${EXIT_CODES_HELP}\n`);
    return CLI_EXIT.OK;
  }
  try {
    return await command.run(io);
  } catch (error) {
    return reportFailure(command, io, error);
  }
}

/** The entry point of a compiled command: process arguments and streams, then exit. */
export function runCli(command: CliCommand): void {
  const io: CliIo = {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  };
  void executeCli(command, io).then((code) => process.exit(code));
}

function asksForHelp(argv: readonly string[]): boolean {
  for (const argument of argv) {
    if (argument === '--') return false;
    if (argument === '--help' || argument === '-h') return true;
  }
  return false;
}

function reportFailure(command: CliCommand, io: CliIo, error: unknown): number {
  const say = (text: string) => io.stderr.write(`${text}\n`);
  if (error instanceof CliUsageError) {
    say(`${command.name}: ${error.message}`);
    say(command.synopsis);
    say(`(npm run ${command.name} -- --help for more)`);
    return CLI_EXIT.USAGE;
  }
  if (error instanceof ConfigError) {
    say(`${command.name}: invalid configuration (environment):`);
    for (const problem of error.problems) say(`  - ${problem}`);
    return CLI_EXIT.USAGE;
  }
  if (error instanceof DomainError) {
    if (error.details.length === 0) {
      say(`${command.name}: ${error.code}: ${error.message}`);
    } else {
      const count = error.details.length;
      say(`${command.name}: ${error.code}: ${count} problem${count === 1 ? '' : 's'}:`);
      for (const detail of error.details) {
        const where =
          detail.line !== undefined && detail.line > 0
            ? `line ${detail.line}: `
            : detail.path
              ? `${detail.path}: `
              : '';
        say(`  ${where}${detail.message}`);
      }
    }
    return CLI_EXIT.REJECTED;
  }
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable = typeof code === 'string' && DATABASE_UNREACHABLE.has(code);
  say(
    `${command.name}: failed: ${unreachable ? `cannot reach the database (DATABASE_URL): ${message}` : message}`,
  );
  const level = io.env.LOG_LEVEL?.trim();
  if ((level === 'debug' || level === 'trace') && error instanceof Error && error.stack) {
    say(error.stack);
  } else {
    say('(LOG_LEVEL=debug shows where)');
  }
  return CLI_EXIT.FAILURE;
}
