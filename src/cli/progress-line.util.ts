import type { CliStream } from './cli-command.types';

export interface ProgressLineOptions {
  /** False: print nothing (`--quiet`). */
  enabled: boolean;
  /** Milliseconds since some origin; Date.now by default (tests pass a clock). */
  now?: () => number;
}

/** Updates a terminal line this often at most. */
const TERMINAL_INTERVAL_MS = 100;
/** Prints a line this often at most when stderr is a file or a pipe (logs, CI). */
const LOG_INTERVAL_MS = 10_000;

/**
 * Progress of a long phase on stderr. On a terminal, one line rewritten in place, at most ten
 * times a second; otherwise whole lines, so logs stay readable: the first update of a phase at
 * once, then at most one every ten seconds, and the phase's end always.
 */
export class ProgressLine {
  private readonly now: () => number;
  private readonly terminal: boolean;
  private lastShown: number | null = null;
  private pending = false;

  constructor(
    private readonly stream: CliStream,
    private readonly options: ProgressLineOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.terminal = stream.isTTY === true;
  }

  /** The phase goes on; shown if enough time passed since the last line. */
  update(text: string): void {
    if (!this.options.enabled) return;
    const now = this.now();
    const interval = this.terminal ? TERMINAL_INTERVAL_MS : LOG_INTERVAL_MS;
    if (this.lastShown !== null && now - this.lastShown < interval) return;
    this.lastShown = now;
    if (this.terminal) {
      this.stream.write(`\r${text}\u001b[K`);
      this.pending = true;
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  /** The phase ended: its last line is always shown, and the next phase starts afresh. */
  done(text: string): void {
    if (!this.options.enabled) return;
    this.stream.write(this.terminal ? `\r${text}\u001b[K\n` : `${text}\n`);
    this.pending = false;
    this.lastShown = null;
  }

  /** Ends a rewritten line before other output (a problem, the summary). */
  interrupt(): void {
    if (this.pending) this.stream.write('\n');
    this.pending = false;
  }
}
