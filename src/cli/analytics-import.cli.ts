import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApplicationContext } from '../app-context';
import { MetaAnalyticsService } from '../meta-analytics/services/meta-analytics.service';
import { runCli } from './run-cli.util';

const USAGE = `usage: npm run analytics:import -- --waba WABA_ID FILE...
  FILE: the Graph API's JSON answer to GET /<WABA_ID>?fields=pricing_analytics…, exactly as Meta
        returns it (DAILY granularity; one file per answer or per page of paging.next)`;

/** Imports saved pricing_analytics answers for one WABA; problems are listed with their path. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { waba: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.waba || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const files = [];
  for (const name of positionals) {
    try {
      files.push({ name, text: readFileSync(name, 'utf8') });
    } catch (error) {
      process.stderr.write(`cannot read ${name}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const app = await createApplicationContext();
  try {
    const summary = await app.get(MetaAnalyticsService).importFiles(values.waba, files);
    for (const problem of summary.problems.slice(0, 100)) {
      process.stderr.write(`${problem.path}: ${problem.message}\n`);
    }
    if (summary.problems.length > 100) {
      process.stderr.write(`... and ${summary.problems.length - 100} more\n`);
    }
    process.stdout.write(
      `read ${summary.files} file(s) for WABA ${values.waba}: stored ${summary.dataPoints} data points, ${summary.problems.length} problem(s)\n`,
    );
    return summary.problems.length > 0 && summary.dataPoints === 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

runCli(main);
