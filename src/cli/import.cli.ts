import { loadAppConfig } from '../config/app-config';
import { MESSAGES_CSV_COLUMNS } from '../ingestion/constants/messages-csv-columns.constant';
import { rejectedLineCount, type ImportProgress } from '../ingestion/services/bulk-import.service';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs, requireReadableFile } from './parse-cli-args.util';
import { ProgressLine } from './progress-line.util';
import { runCli } from './run-cli.util';

/** Problems printed one per line; the rest are counted. */
const PROBLEMS_SHOWN = 100;

export const importCommand: CliCommand = {
  name: 'import',
  synopsis: 'usage: npm run import -- [--quiet] FILE',
  help: `Imports a file into the configured database (DATABASE_URL, else SQLite in DATA_DIR) and
re-rates the months it touched.

  FILE        FILE.csv: the send log, a header line then one sent message a line; columns
              ${MESSAGES_CSV_COLUMNS.join(',')}
              (the first four required, any order); any other name: one Meta webhook body a line
  --quiet, -q no progress on stderr
  --help, -h  this help

Every problem of a bad line is listed on stderr with its line number; bad lines never stop the
good ones, and running the same file again changes nothing. Progress goes to stderr: lines read,
then each month re-rated (one updated line on a terminal; otherwise a line when a phase starts,
every 10 s and when it ends). The summary goes to stdout.`,
  run: runImport,
};

async function runImport(io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    io.argv,
    { quiet: { type: 'boolean', short: 'q' } },
    { min: 1, max: 1, names: 'FILE (the file to import)' },
  );
  const path = requireReadableFile(positionals[0]);
  const config = loadAppConfig(io.env);
  const progress = new ProgressLine(io.stderr, { enabled: values.quiet !== true });
  const app = await openCliApplication(io, config);
  const { BulkImportService } = await import('../ingestion/services/bulk-import.service');
  try {
    const started = Date.now();
    const view = new ImportProgressView(progress);
    const summary = await app.get(BulkImportService).importFile(path, (event) => view.show(event));
    view.finish();
    for (const problem of summary.rejected.slice(0, PROBLEMS_SHOWN)) {
      io.stderr.write(`line ${problem.line}: ${problem.message}\n`);
    }
    if (summary.rejected.length > PROBLEMS_SHOWN) {
      io.stderr.write(`... and ${summary.rejected.length - PROBLEMS_SHOWN} more problems\n`);
    }
    const rejectedLines = rejectedLineCount(summary);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    io.stdout.write(
      `${summary.format}: read ${summary.linesRead} lines, stored ${summary.stored}, duplicates ${summary.duplicates}, rejected ${rejectedLines} lines; ${summary.messagesChanged} messages changed, ${summary.repricedMessages} re-rated in ${seconds} s, peak memory ${peakMb} MB\n`,
    );
    return rejectedLines > 0 ? CLI_EXIT.REJECTED : CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

/** Lines read, then each month re-rated. */
class ImportProgressView {
  private linesRead: number | null = null;

  constructor(private readonly progress: ProgressLine) {}

  show(event: ImportProgress): void {
    if (event.phase === 'read') {
      this.linesRead = event.lines;
      this.progress.update(`reading: ${count(event.lines)} lines`);
      return;
    }
    this.finishReading();
    if (event.done) {
      this.progress.done(`re-rated ${event.month}: ${count(event.messages)} messages`);
    } else {
      this.progress.update(`re-rating ${event.month}: ${count(event.messages)} messages`);
    }
  }

  finish(): void {
    this.finishReading();
    this.progress.interrupt();
  }

  private finishReading(): void {
    if (this.linesRead === null) return;
    this.progress.done(`read ${count(this.linesRead)} lines`);
    this.linesRead = null;
  }
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

if (require.main === module) runCli(importCommand);
