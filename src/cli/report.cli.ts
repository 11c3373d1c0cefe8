import { resolve } from 'node:path';
import { loadAppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain.error';
import type { ExportRequest } from '../exports/utils/validate-export-request.util';
import type { CliCommand, CliIo } from './cli-command.types';
import { CLI_EXIT } from './cli-exit.constant';
import { CliUsageError } from './cli-usage.error';
import { openCliApplication } from './open-cli-application.util';
import { parseCliArgs } from './parse-cli-args.util';
import { ProgressLine } from './progress-line.util';
import { runCli } from './run-cli.util';

const KINDS = {
  statement: 'STATEMENT',
  'cost-report': 'COST_REPORT',
  messages: 'MESSAGES',
  'meta-reconciliation': 'META_RECONCILIATION',
} as const;

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;

export const reportCommand: CliCommand = {
  name: 'report',
  synopsis:
    'usage: npm run report -- --kind statement|cost-report|messages|meta-reconciliation --format csv|xlsx|pdf --out FILE (--month YYYY-MM | --from ISO --to ISO) [--waba ID | --portfolio ID] [--currency XXX] [--quiet]',
  help: `Writes a report file for accountants from the configured database.

  --kind statement     a month's statement of one WABA or portfolio: --month and one of
                       --waba/--portfolio; csv, xlsx or pdf
  --kind cost-report   by month, phone number, market and category; csv or xlsx
  --kind messages      one row per message with its charge; csv or xlsx
  --kind meta-reconciliation
                       Meta's pricing analytics beside our charges for a month: --month and
                       one of --waba/--portfolio; csv or xlsx
  --format FORMAT      csv, xlsx or pdf
  --out FILE           where to write it
  --month YYYY-MM      a calendar month in each WABA's timezone
  --from ISO --to ISO  instead of --month: the half-open range [from, to) of charge instants
  --waba ID            only this WABA
  --portfolio ID       only this portfolio
  --currency XXX       only charges in this currency (a portfolio billed in several needs it)
  --quiet, -q          no progress on stderr
  --help, -h           this help

Example: npm run report -- --kind statement --month 2026-11 --waba 102290129340398 --format pdf --out statement.pdf`,
  run: runReport,
};

async function runReport(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(
    io.argv,
    {
      kind: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      month: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      waba: { type: 'string' },
      portfolio: { type: 'string' },
      currency: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    { min: 0, max: 0, names: '' },
  );
  const kind = KINDS[(values.kind ?? '') as keyof typeof KINDS];
  if (kind === undefined) {
    throw new CliUsageError(
      values.kind === undefined
        ? 'missing --kind'
        : `--kind must be one of ${Object.keys(KINDS).join(', ')}; got "${values.kind}"`,
    );
  }
  const format = FORMATS.find((name) => name === values.format?.toLowerCase());
  if (format === undefined) {
    throw new CliUsageError(
      values.format === undefined
        ? 'missing --format'
        : `--format must be csv, xlsx or pdf; got "${values.format}"`,
    );
  }
  if (values.out === undefined) throw new CliUsageError('missing --out FILE');
  const out = resolve(values.out);
  const from = values.from === undefined ? null : instant(values.from, '--from');
  const to = values.to === undefined ? null : instant(values.to, '--to');
  const config = { ...loadAppConfig(io.env), writesDatabase: false };
  const { validateExportRequest } = await import('../exports/utils/validate-export-request.util');
  let request: ExportRequest;
  try {
    request = validateExportRequest({
      kind: kind as ExportRequest['kind'],
      format: format.toUpperCase() as ExportRequest['format'],
      month: values.month,
      from,
      to,
      wabaId: values.waba,
      portfolioId: values.portfolio,
      currency: values.currency,
    });
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(error.message);
    throw error;
  }
  const progress = new ProgressLine(io.stderr, { enabled: values.quiet !== true });
  const started = Date.now();
  const app = await openCliApplication(io, config);
  const { ExportWriterService } = await import('../exports/services/export-writer.service');
  try {
    let rows: number;
    try {
      ({ rows } = await app.get(ExportWriterService).write(request, out, (written) => {
        progress.update(`writing: ${written.toLocaleString('en-US')} rows`);
      }));
    } catch (error) {
      // An unknown WABA, a portfolio billed in several currencies without --currency: the options.
      if (error instanceof DomainError) throw new CliUsageError(error.message);
      throw error;
    } finally {
      progress.interrupt();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    io.stdout.write(
      `wrote ${request.kind.toLowerCase()} ${request.format.toLowerCase()} (${rows} rows) to ${out} in ${seconds} s, peak memory ${peakMb} MB\n`,
    );
    return CLI_EXIT.OK;
  } finally {
    await app.close();
  }
}

function instant(value: string, option: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new CliUsageError(`${option} must be an ISO-8601 instant; got "${value}"`);
  }
  return date;
}

if (require.main === module) runCli(reportCommand);
