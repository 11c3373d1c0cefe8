import { accessSync, constants, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-usage.error';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCliArgs<T extends Options> {
  values: ReturnType<
    typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
  >['values'];
  positionals: string[];
}

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line `CliUsageError`s
 * ("unknown option --x", "option --name needs a value") and the number of positional arguments
 * checked. `--help` is answered before this runs (`executeCli`).
 */
export function parseCliArgs<T extends Options>(
  argv: readonly string[],
  options: T,
  positionals: { min: number; max: number; names: string },
): ParsedCliArgs<T> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(describeParseError(error));
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) {
    throw new CliUsageError(`missing ${positionals.names}`);
  }
  if (count > positionals.max) {
    const extra = parsed.positionals.slice(positionals.max).map((value) => `"${value}"`);
    throw new CliUsageError(`unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);
  }
  return parsed as ParsedCliArgs<T>;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // "Unknown option '--x'", "Option '--name <value>' argument missing", "Option '-q, --quiet' …"
  const option = /'(?:-[^-'], )?(--?[^' ,<]+)/.exec(message)?.[1];
  if (option === undefined) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('argument missing')
      ? `option ${option} needs a value`
      : `option ${option} takes no value`;
  }
  return message;
}

/** A file the command reads: it must exist and be a file (else a usage error, exit 2). */
export function requireReadableFile(path: string, what = 'file'): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new CliUsageError(`no such ${what}: ${path}`);
  if (stat.isDirectory()) throw new CliUsageError(`${path} is a directory, not a ${what}`);
  if (!stat.isFile()) throw new CliUsageError(`${path} is not a regular ${what}`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new CliUsageError(`cannot read ${path}: permission denied`);
  }
  return path;
}
