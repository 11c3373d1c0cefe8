import type { CliIo, CliStream } from '../../src/cli/cli-command.types';

/** A stream that keeps what is written, as a terminal or as a pipe. */
export class CapturedStream implements CliStream {
  text = '';

  constructor(readonly isTTY = false) {}

  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

export function capturedIo(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): CliIo & { stdout: CapturedStream; stderr: CapturedStream } {
  return { argv, env, stdout: new CapturedStream(), stderr: new CapturedStream() };
}
