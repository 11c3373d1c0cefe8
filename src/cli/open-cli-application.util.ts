import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { CliIo } from './cli-command.types';
import { CliConsoleLogger } from './cli-console.logger';

/**
 * The application for a command, loaded only once its arguments are checked (so `--help` and
 * usage errors answer at once): the framework's warnings and errors as plain lines on stderr.
 */
export async function openCliApplication(
  io: CliIo,
  config: AppConfig,
): Promise<INestApplicationContext> {
  const { createApplicationContext } = await import('../app-context');
  const showStacks = config.logLevel === 'debug' || config.logLevel === 'trace';
  return createApplicationContext(config, { logger: new CliConsoleLogger(io.stderr, showStacks) });
}
