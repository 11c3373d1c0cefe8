import { existsSync } from 'node:fs';
import { createApplicationContext } from '../app-context';
import { runCli } from './run-cli.util';
import { BulkImportService, MESSAGES_CSV_COLUMNS } from '../ingestion/services/bulk-import.service';

const USAGE = `usage: npm run import -- FILE
  FILE.jsonl  one Meta webhook body per line
  FILE.csv    the send log, columns: ${MESSAGES_CSV_COLUMNS.join(',')}`;

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path || path.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!existsSync(path)) {
    process.stderr.write(`no such file: ${path}\n`);
    return 2;
  }
  const app = await createApplicationContext();
  try {
    const started = Date.now();
    const summary = await app.get(BulkImportService).importFile(path, (lines) => {
      process.stderr.write(`\r${lines.toLocaleString('en-US')} lines read`);
    });
    process.stderr.write('\n');
    for (const problem of summary.rejected.slice(0, 100)) {
      process.stderr.write(`line ${problem.line}: ${problem.message}\n`);
    }
    if (summary.rejected.length > 100)
      process.stderr.write(`... and ${summary.rejected.length - 100} more\n`);
    process.stdout.write(
      `${summary.format}: read ${summary.linesRead} lines, stored ${summary.stored}, duplicates ${summary.duplicates}, rejected ${summary.rejected.length}; ${summary.messagesChanged} messages changed, ${summary.repricedMessages} re-rated in ${((Date.now() - started) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

runCli(main);
