import { readFileSync } from 'node:fs';
import { loadAppConfig } from '../config/app-config';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliUsageError } from './cli-usage.error';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs, requireReadableFile } from './parse-cli-args.util';
import { runCli } from './run-cli.util';

const SHOWN_PROBLEMS = 100;

export const analyticsImportCommand: CliCommand = {
  name: 'analytics:import',
  synopsis: 'usage: npm run analytics:import -- --waba WABA_ID FILE...',
  help: `Imports Meta's pricing analytics saved as files, for teams that fetch them elsewhere.

  FILE          the Graph API's JSON answer to GET /<WABA_ID>?fields=pricing_analytics…, exactly
                as Meta returns it (DAILY granularity; one file per answer or per page of
                paging.next)
  --waba ID     the WABA the answers are about
  --help, -h    this help

The same day imported twice is one row. Every problem is listed with its path in the file (the
first ${SHOWN_PROBLEMS}); exit 1 when a file gave problems.`,
  run: runAnalyticsImport,
};

async function runAnalyticsImport(io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    io.argv,
    { waba: { type: 'string' } },
    { min: 1, max: Number.MAX_SAFE_INTEGER, names: 'FILE (a saved pricing_analytics answer)' },
  );
  if (values.waba === undefined) throw new CliUsageError('missing --waba');
  const files = positionals.map((name) => ({
    name,
    text: readFileSync(requireReadableFile(name), 'utf8'),
  }));
  const app = await openCliApplication(io, loadAppConfig(io.env));
  const { MetaAnalyticsService } =
    await import('../meta-analytics/services/meta-analytics.service');
  try {
    const summary = await app.get(MetaAnalyticsService).importFiles(values.waba, files);
    for (const problem of summary.problems.slice(0, SHOWN_PROBLEMS)) {
      io.stderr.write(`${problem.path}: ${problem.message}\n`);
    }
    if (summary.problems.length > SHOWN_PROBLEMS) {
      io.stderr.write(`... and ${summary.problems.length - SHOWN_PROBLEMS} more\n`);
    }
    io.stdout.write(
      `read ${summary.files} file(s) for WABA ${values.waba}: stored ${summary.dataPoints} data points, ${summary.problems.length} problem(s)\n`,
    );
    return summary.problems.length > 0 ? CLI_EXIT.REJECTED : CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

if (require.main === module) runCli(analyticsImportCommand);
