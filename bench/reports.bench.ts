import { spawnSync } from 'node:child_process';
import { createBenchEnvironment, npmScriptNodeFlags } from './bench-environment';
import { FREE_REASONS_SQL } from '../src/pricing/pricing.types';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ROLLUP_KEY_COLUMNS } from '../src/charging/utils/charge-rollups.util';
import { ReportDimension } from '../src/common/graphql/enums';
import type { AppConfig } from '../src/config/app-config';
import { ConfigModule } from '../src/config/config.module';
import { DatabaseModule } from '../src/database/database.module';
import { ExportsModule } from '../src/exports/exports.module';
import { ReportsModule } from '../src/reports/reports.module';
import {
  CostReportService,
  type CostReportRequest,
} from '../src/reports/services/cost-report.service';
import { StatementService } from '../src/reports/services/statement.service';
import { formatCostReportToGraphqlDto } from '../src/reports/utils/format-cost-report-to-graphql-dto.util';
import { monthInstantBounds } from '../src/reports/utils/month-instant-bounds.util';

export interface ReportsBenchOptions {
  databaseKind: 'sqlite' | 'postgres';
  messages: number;
}

const MONTH = '2026-03';
const MONTH_START = Date.UTC(2026, 2, 1);
const MONTH_MS = Date.UTC(2026, 3, 1) - MONTH_START;
const PHONES = 20;
const MARKETS = 30;
const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 100_000;
const RUNS = 5;
const MAX_EXPORT_ROWS = 1_000_000;

/**
 * The migration's backfill: charge_rollups rebuilt as the sums of the charged messages (the
 * charging service keeps them equal from then on; the bench bulk-inserts charged messages).
 */
export const ROLLUP_BACKFILL = (() => {
  const keys = ROLLUP_KEY_COLUMNS.map((column) => `COALESCE(${column}, '')`).join(', ');
  return `INSERT INTO charge_rollups (${ROLLUP_KEY_COLUMNS.join(', ')},
            messages, billable_messages, free_messages, amount_micros)
          SELECT ${keys}, COUNT(*), SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END),
                 SUM(CASE WHEN charge_reason IN ${FREE_REASONS_SQL} THEN 1 ELSE 0 END),
                 SUM(charge_amount_micros)
            FROM messages WHERE charge_month IS NOT NULL GROUP BY ${keys}`;
})();

@Module({})
class ReportsBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReportsBenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, ReportsModule, ExportsModule],
    };
  }
}

/**
 * Generates `messages` charged messages in March 2026 for one WABA across 20 numbers and 30
 * markets (every number × market × category × reason combination every day, the worst case for
 * the rollups), builds charge_rollups from them as the migration's backfill does (timed apart),
 * then times monthlyStatement and costReport by MARKET × PRICING_CATEGORY for the month (months
 * filter, from/to the UTC month ± 1 day: read from the rollups; median of 5 runs), once the same
 * report from the messages for comparison, and the peak RSS of a CSV export of
 * min(messages, 1,000,000) message rows. PostgreSQL uses a fresh database (bench-environment.ts)
 * dropped afterwards.
 */
export async function runReportsBench(
  options: ReportsBenchOptions,
): Promise<Record<string, string | number>> {
  const environment = await createBenchEnvironment(options.databaseKind);
  const { config, dataDir } = environment;
  const app = await NestFactory.createApplicationContext(ReportsBenchModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const dataSource = app.get(DataSource);
    const postgres = options.databaseKind === 'postgres';
    const insertStarted = performance.now();
    await generateMessages(dataSource, options.messages);
    await dataSource.query(postgres ? 'VACUUM ANALYZE messages' : 'ANALYZE');
    const insertSeconds = (performance.now() - insertStarted) / 1000;

    const rollupStarted = performance.now();
    await dataSource.query(ROLLUP_BACKFILL);
    await dataSource.query(postgres ? 'VACUUM ANALYZE charge_rollups' : 'ANALYZE');
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    process.stderr.write(`rollup build s ${round(rollupSeconds)}\n`);
    const [{ count: rollupRows }] = (await dataSource.query(
      'SELECT COUNT(*) AS count FROM charge_rollups',
    )) as { count: string | number }[];

    const statements = app.get(StatementService);
    const costReports = app.get(CostReportService);
    const statement = () => statements.monthlyStatement({ month: MONTH, wabaId: 'bench-waba' });
    const reportRequest: CostReportRequest = {
      ...monthInstantBounds(MONTH),
      groupBy: [ReportDimension.MARKET, ReportDimension.PRICING_CATEGORY],
      filter: { months: [MONTH] },
    };
    const report = () => costReports.costReport(reportRequest);
    const statementMs = await medianMs(statement);
    const reportMs = await medianMs(report);
    const statementResult = await statement();
    const fromRollups = await report();

    const messagesStarted = performance.now();
    const fromMessages = await costReports.costReport({ ...reportRequest, source: 'messages' });
    const messagesReportMs = performance.now() - messagesStarted;
    const identical =
      JSON.stringify(formatCostReportToGraphqlDto(fromRollups)) ===
      JSON.stringify(formatCostReportToGraphqlDto(fromMessages));
    if (fromRollups.source !== 'rollups') throw new Error('the month report did not use rollups');
    if (!identical) throw new Error('the rollup report differs from the messages report');
    if (!statementResult.exactTotal.equals(fromMessages.totals[0]?.amount ?? 0)) {
      throw new Error('the statement total differs from the messages report total');
    }

    const exportRows = Math.min(options.messages, MAX_EXPORT_ROWS);
    const exported = measureExport(environment.env, dataDir, exportRows, options.messages);
    return {
      database: options.databaseKind,
      messages: options.messages,
      insertSeconds: round(insertSeconds),
      rollupBuildSeconds: round(rollupSeconds),
      rollupRows: Number(rollupRows),
      statementMedianMs: round(statementMs),
      costReportMarketCategoryMedianMs: round(reportMs),
      costReportMarketCategoryFromMessagesMs: round(messagesReportMs),
      costReportRows: fromRollups.rows.length,
      statementLines: statementResult.lines.length,
      statementExactTotal: statementResult.exactTotal.toFixed(),
      exportRows: exported.rows,
      exportSeconds: round(exported.seconds),
      exportFileMb: round(exported.bytes / 1024 / 1024),
      exportPeakRssMb: exported.peakRssMb,
    };
  } finally {
    await app.close();
    await environment.dispose();
  }
}

async function generateMessages(dataSource: DataSource, count: number): Promise<void> {
  const created = MONTH_START - 86_400_000;
  await dataSource.query(
    `INSERT INTO portfolios (id, name, created_at) VALUES ('bench-pf', 'Bench', ${created})`,
  );
  await dataSource.query(
    `INSERT INTO wabas (waba_id, portfolio_id, timezone, currency, created_at, updated_at)
     VALUES ('bench-waba', 'bench-pf', 'UTC', 'USD', ${created}, ${created})`,
  );
  const postgres = dataSource.options.type === 'postgres';
  const columnCount = MESSAGE_COLUMNS.split(',').length;
  const placeholders = (rows: number) =>
    Array.from(
      { length: rows },
      (_, row) =>
        `(${Array.from({ length: columnCount }, (_, column) => (postgres ? `$${row * columnCount + column + 1}` : '?')).join(',')})`,
    ).join(',');
  const fullBatch = `INSERT INTO messages (${MESSAGE_COLUMNS}) VALUES ${placeholders(ROWS_PER_INSERT)}`;
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(count, start + ROWS_PER_TRANSACTION);
    await dataSource.transaction(async (manager) => {
      for (let batch = start; batch < end; batch += ROWS_PER_INSERT) {
        const rows = Math.min(end, batch + ROWS_PER_INSERT) - batch;
        const values: unknown[] = [];
        for (let index = batch; index < batch + rows; index += 1) {
          values.push(...messageValues(index, count, postgres));
        }
        // One statement text for every full batch, so the driver's statement cache holds one.
        const sql =
          rows === ROWS_PER_INSERT
            ? fullBatch
            : `INSERT INTO messages (${MESSAGE_COLUMNS}) VALUES ${placeholders(rows)}`;
        await manager.query(sql, values);
      }
    });
  }
}

const MESSAGE_COLUMNS = `wamid, phone_number_id, waba_id, portfolio_id, direction, origin, contact, status,
  template_name, sent_at, delivered_at, charge_billable, charge_reason, charge_pricing_category,
  charge_market, charge_country, charge_rate_card_id, charge_tier, charge_rate, charge_amount,
  charge_amount_micros, charge_currency, charge_source, charge_explanation, estimate_billable,
  estimate_reason, estimate_pricing_category, charge_at, charge_month, charge_day`;

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** Deterministic message number `index`: charge_at grows with the index across the month. */
function messageValues(index: number, count: number, postgres: boolean): unknown[] {
  const at = MONTH_START + Math.floor((index * MONTH_MS) / count);
  // Independent dimensions: every number × market × category × reason within each 36,000 messages.
  const market = Math.floor(index / PHONES) % MARKETS;
  const category3 = Math.floor(index / (PHONES * MARKETS)) % CATEGORIES.length;
  const bucket = Math.floor(index / (PHONES * MARKETS * CATEGORIES.length)) % 20;
  const inbound = bucket < 5;
  const reason = inbound
    ? 'FREE_INBOUND'
    : bucket < 7
      ? 'FREE_CUSTOMER_SERVICE_WINDOW'
      : bucket === 7
        ? 'PENDING'
        : bucket === 8
          ? 'NOT_DELIVERED'
          : 'BILLED';
  const category = inbound ? null : CATEGORIES[category3];
  const billed = reason === 'BILLED';
  const rateMicros = 1000 + market * 250 + (category === 'MARKETING' ? 40_000 : 0);
  const rate = (rateMicros / 1_000_000).toFixed(6).replace(/0+$/, '');
  const bool = (value: boolean) => (postgres ? value : value ? 1 : 0);
  return [
    `wamid.bench.${index}`,
    `bench-pn-${String(index % PHONES).padStart(2, '0')}`,
    'bench-waba',
    'bench-pf',
    inbound ? 'INBOUND' : 'OUTBOUND',
    'CLOUD_API',
    String(100000000 + (index % 50000)),
    inbound ? 'received' : 'delivered',
    inbound ? null : `template_${index % 40}`,
    at - 1000,
    inbound ? null : at,
    bool(billed),
    reason,
    category,
    `Market ${String(market).padStart(2, '0')}`,
    `C${String.fromCharCode(65 + (market % 26))}`,
    billed ? 'bench-card' : null,
    billed && category !== 'MARKETING' ? '0:750000' : null,
    billed ? rate : null,
    billed ? rate : '0',
    billed ? rateMicros : 0,
    'USD',
    'ESTIMATE',
    'bench',
    bool(billed),
    reason,
    category,
    at,
    MONTH,
    new Date(at).toISOString().slice(0, 10),
  ];
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let attempt = 0; attempt < RUNS; attempt += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/**
 * The message export as an operator runs it: `npm run report` in a fresh process, whose own
 * peak memory (getrusage maxRSS) the command prints.
 */
function measureExport(
  env: Record<string, string>,
  dataDir: string,
  rows: number,
  count: number,
): { rows: number; seconds: number; bytes: number; peakRssMb: number } {
  const path = join(dataDir, 'messages.csv');
  const to =
    rows === count ? MONTH_START + MONTH_MS : MONTH_START + Math.floor((rows * MONTH_MS) / count);
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      // The V8 limits of `npm run report`: a small young generation and a bounded heap keep a
      // streaming export's memory flat.
      ...npmScriptNodeFlags('report'),
      join(__dirname, '..', 'src', 'cli', 'report.cli.js'),
      '--kind',
      'messages',
      '--format',
      'csv',
      '--waba',
      'bench-waba',
      '--from',
      new Date(MONTH_START).toISOString(),
      '--to',
      new Date(to).toISOString(),
      '--out',
      path,
    ],
    { env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  const summary = /\((\d+) rows\).*peak memory (\d+) MB/.exec(result.stdout);
  if (result.status !== 0 || !summary) {
    throw new Error(`the export command failed: ${result.stderr || result.stdout}`);
  }
  return {
    rows: Number(summary[1]),
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(path).size,
    peakRssMb: Number(summary[2]),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
