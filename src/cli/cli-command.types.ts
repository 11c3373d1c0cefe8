/** Where a command writes: process.stdout / process.stderr, or a buffer in tests. */
export interface CliStream {
  write(text: string): unknown;
  /** A terminal: progress rewrites one line instead of printing lines. */
  isTTY?: boolean;
}

/** A command's inputs and outputs, injected so tests run it in-process. */
export interface CliIo {
  /** The arguments after the script (npm passes those after `--`). */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: CliStream;
  stderr: CliStream;
}

/** A command-line tool: `npm run <name> -- <arguments>`. */
export interface CliCommand {
  name: string;
  /** One line, `usage: npm run <name> -- …`, printed with every usage error. */
  synopsis: string;
  /** What `--help` prints after the synopsis: arguments, options, exit codes. */
  help: string;
  /** Returns the exit code (`CLI_EXIT`); throws `CliUsageError` for a bad call. */
  run(io: CliIo): Promise<number>;
}
