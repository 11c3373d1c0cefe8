import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import type { CliCommand, CliIo } from '../src/cli/cli-command.types';
import { CliUsageError } from '../src/cli/cli-usage.error';
import { parseCliArgs } from '../src/cli/parse-cli-args.util';
import { runCli } from '../src/cli/run-cli.util';

/**
 * npm run bench (see benchCommand's help): each benchmark runs in its own process, so one's heap
 * never inflates the next one's time or peak memory.
 */
type Bench =
  'simulation' | 'engine' | 'import' | 'webhooks' | 'reports' | 'underload' | 'replicas' | 'web';
type Database = 'sqlite' | 'postgres';

const BENCHES: readonly Bench[] = [
  'simulation',
  'engine',
  'import',
  'webhooks',
  'reports',
  'underload',
  'replicas',
  'web',
];
const PER_DATABASE = new Set<Bench>(['import', 'webhooks', 'reports', 'underload']);
/** Benchmarks of several service processes, which only PostgreSQL runs. */
const POSTGRES_ONLY = new Set<Bench>(['replicas']);

async function runOne(bench: Bench, database: Database): Promise<Record<string, string | number>> {
  const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  // Loaded when run, so that --help and usage errors answer at once.
  switch (bench) {
    case 'simulation':
      return (await import('./simulation.bench')).runSimulationBench();
    case 'engine':
      return (await import('./engine.bench')).runEngineBench(messages);
    case 'import':
      return (await import('./ingestion.bench')).runBulkImportBench(database, messages);
    case 'webhooks':
      return (await import('./ingestion.bench')).runWebhookBench(
        database,
        Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1_000_000),
      );
    case 'reports':
      return (await import('./reports.bench')).runReportsBench({
        databaseKind: database,
        messages: Number(process.env.BENCH_REPORT_MESSAGES ?? 10_000_000),
      });
    case 'underload':
      return (await import('./under-load.bench')).runUnderLoadBench(
        database,
        Number(process.env.BENCH_UNDERLOAD_SEED_EVENTS ?? 10_000),
        Number(process.env.BENCH_UNDERLOAD_EVENTS ?? 50_000),
      );
    case 'replicas':
      return (await import('./under-load.bench')).runReplicasBench(
        database,
        Number(process.env.BENCH_REPLICAS_EVENTS ?? 30_000),
      );
    case 'web':
      return (await import('./web.bench')).runWebBench(
        Number(process.env.BENCH_WEB_MESSAGES ?? 10_000_000),
      );
  }
}

export const benchCommand: CliCommand = {
  name: 'bench',
  synopsis: `usage: npm run bench -- [--only ${BENCHES.join(',')}]`,
  help: `Measures throughput, latency and memory; each benchmark runs in its own process.

  --only LIST   the benchmarks to run, comma-separated (default: all)
  --help, -h    this help

Sizes and databases from the environment: BENCH_MESSAGES (engine and bulk import, default
1,000,000), BENCH_WEBHOOK_EVENTS (default 1,000,000), BENCH_REPORT_MESSAGES (default 10,000,000),
BENCH_WEB_MESSAGES (the web app's Overview, SQLite, default 10,000,000; Chromium at
CHROMIUM_PATH, default /usr/bin/chromium),
BENCH_DATABASES (default sqlite,postgres; PostgreSQL through BENCH_DATABASE_URL, else
TEST_DATABASE_URL), BENCH_UNDERLOAD_SEED_EVENTS and BENCH_UNDERLOAD_EVENTS (reads idle and while
webhooks flow: bodies applied first, default 10,000, then at most this many posted while
BENCH_UNDERLOAD_READS reads of each query are timed, default 400, default 50,000, at
BENCH_UNDERLOAD_RATE bodies a second, default 500, 0 as fast as answered),
BENCH_REPLICAS_EVENTS (one, two and three service processes on PostgreSQL; default 30,000),
BENCH_NODE_FLAGS (node flags for the import command and the service, e.g.
--cpu-prof --cpu-prof-dir=DIR). A benchmark that fails makes the run exit 1.`,
  run: runBench,
};

async function runBench(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(
    io.argv,
    { only: { type: 'string' }, child: { type: 'string' } },
    { min: 0, max: 0, names: '' },
  );
  if (values.child !== undefined) {
    const [bench, database] = values.child.split(':') as [Bench, Database];
    const figures = await runOne(bench, database);
    for (const [name, value] of Object.entries(figures)) {
      io.stdout.write(`${name.padEnd(58)} ${value}\n`);
    }
    return 0;
  }
  const only = new Set((values.only ?? BENCHES.join(',')).split(','));
  const unknown = [...only].filter((name) => !BENCHES.includes(name as Bench));
  if (unknown.length > 0) {
    throw new CliUsageError(
      `unknown benchmark ${unknown.join(', ')} (--only takes ${BENCHES.join(',')})`,
    );
  }
  const databases = (io.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as Database[];
  let failures = 0;
  for (const bench of BENCHES.filter((name) => only.has(name))) {
    const benchDatabases = POSTGRES_ONLY.has(bench)
      ? databases.filter((database) => database === 'postgres')
      : PER_DATABASE.has(bench)
        ? databases
        : (['sqlite'] as Database[]);
    if (benchDatabases.length === 0)
      io.stdout.write(`${bench}: skipped (needs postgres in BENCH_DATABASES)\n`);
    for (const database of benchDatabases) {
      const result = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--child', `${bench}:${database}`],
        { stdio: 'inherit' },
      );
      if (result.status !== 0) failures += 1;
    }
  }
  return failures === 0 ? 0 : 1;
}

if (require.main === module) runCli(benchCommand);
