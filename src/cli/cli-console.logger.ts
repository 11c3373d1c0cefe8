import type { LoggerService } from '@nestjs/common';
import type { CliStream } from './cli-command.types';

/**
 * The framework's log for command-line tools: warnings and errors as single plain lines on
 * stderr, no stack traces (LOG_LEVEL=debug or trace adds them). Errors a failed start reports
 * itself (the database connection, the exception handler) are left to the command, which prints
 * the error once.
 */
export class CliConsoleLogger implements LoggerService {
  private static readonly REPORTED_BY_THE_COMMAND = new Set(['ExceptionHandler', 'TypeOrmModule']);

  constructor(
    private readonly stream: CliStream,
    private readonly showStacks: boolean,
  ) {}

  log(): void {}

  warn(message: unknown, ...rest: unknown[]): void {
    this.stream.write(`warning: ${this.line(message, rest)}\n`);
  }

  error(message: unknown, ...rest: unknown[]): void {
    const context = rest.length > 0 ? rest[rest.length - 1] : undefined;
    if (
      !this.showStacks &&
      typeof context === 'string' &&
      CliConsoleLogger.REPORTED_BY_THE_COMMAND.has(context)
    ) {
      return;
    }
    this.stream.write(`error: ${this.line(message, rest)}\n`);
    const stack = rest.find(
      (part): part is string => typeof part === 'string' && part.includes('\n    at '),
    );
    if (this.showStacks && stack) this.stream.write(`${stack}\n`);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.error(message, ...rest);
  }

  private line(message: unknown, rest: unknown[]): string {
    const context = rest.length > 0 ? rest[rest.length - 1] : undefined;
    const text = message instanceof Error ? message.message : String(message);
    const where = typeof context === 'string' && !context.includes('\n') ? `[${context}] ` : '';
    return `${where}${text.split('\n')[0]}`;
  }
}
