import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApplicationContext } from '../app-context';
import { runCli } from './run-cli.util';
import { DomainError } from '../common/errors/domain.error';
import { ExportFormat, ExportKind } from '../common/graphql/enums';
import { ExportWriterService } from '../exports/services/export-writer.service';
import {
  validateExportRequest,
  type ExportRequest,
} from '../exports/utils/validate-export-request.util';

const USAGE = `usage: npm run report -- --kind statement|cost-report|messages|meta-reconciliation --format csv|xlsx|pdf --out FILE
                         (--month YYYY-MM | --from ISO --to ISO) [--waba ID | --portfolio ID] [--currency XXX]
  statement:   --month and one of --waba/--portfolio; csv, xlsx or pdf
  cost-report: by month, phone number, market and category; csv or xlsx
  messages:    one row per message with its charge; csv or xlsx
  meta-reconciliation: --month and one of --waba/--portfolio; Meta's analytics beside ours; csv or xlsx`;

const KINDS: Record<string, ExportKind> = {
  statement: ExportKind.STATEMENT,
  'cost-report': ExportKind.COST_REPORT,
  messages: ExportKind.MESSAGES,
  'meta-reconciliation': ExportKind.META_RECONCILIATION,
};

class UsageError extends Error {}

function parseRequest(argv: string[]): { request: ExportRequest; out: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kind: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        month: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        waba: { type: 'string' },
        portfolio: { type: 'string' },
        currency: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const kind = KINDS[values.kind ?? ''];
  if (!kind) throw new UsageError(`--kind must be one of ${Object.keys(KINDS).join(', ')}`);
  const format = ExportFormat[(values.format ?? '').toUpperCase() as keyof typeof ExportFormat];
  if (!format) throw new UsageError('--format must be csv, xlsx or pdf');
  if (!values.out) throw new UsageError('--out FILE is required');
  try {
    const request = validateExportRequest({
      kind,
      format,
      month: values.month,
      from: values.from === undefined ? null : instant(values.from, '--from'),
      to: values.to === undefined ? null : instant(values.to, '--to'),
      wabaId: values.waba,
      portfolioId: values.portfolio,
      currency: values.currency,
    });
    return { request, out: resolve(values.out) };
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(error.message);
    throw error;
  }
}

function instant(value: string, option: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${option} must be an ISO-8601 instant`);
  return date;
}

async function main(): Promise<number> {
  let parsed: { request: ExportRequest; out: string };
  try {
    parsed = parseRequest(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const { request, out } = parsed;
  const started = Date.now();
  const app = await createApplicationContext();
  try {
    const interactive = process.stderr.isTTY;
    const { rows } = await app.get(ExportWriterService).write(request, out, (written) => {
      process.stderr.write(
        interactive ? `\r${written.toLocaleString('en')} rows…` : `${written} rows\n`,
      );
    });
    if (interactive) process.stderr.write('\n');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `wrote ${request.kind.toLowerCase()} ${request.format.toLowerCase()} (${rows} rows) to ${out} in ${seconds} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

runCli(main);
