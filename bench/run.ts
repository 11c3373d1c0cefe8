import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { runEngineBench } from './engine.bench';
import { runBulkImportBench, runWebhookBench } from './ingestion.bench';
import { runReportsBench } from './reports.bench';
import { runSimulationBench } from './simulation.bench';

/**
 * npm run bench [-- --only simulation,engine,import,webhooks,reports] — sizes from the
 * environment: BENCH_MESSAGES (engine and bulk import, default 1,000,000), BENCH_WEBHOOK_EVENTS
 * (default 1,000,000), BENCH_REPORT_MESSAGES (default 10,000,000), BENCH_DATABASES (default
 * sqlite,postgres), BENCH_NODE_FLAGS (node flags for the import command and the service, e.g.
 * `--cpu-prof --cpu-prof-dir=DIR`). Each benchmark runs in its own process, so one's heap never
 * inflates the next one's time or peak memory.
 */
type Bench = 'simulation' | 'engine' | 'import' | 'webhooks' | 'reports';
type Database = 'sqlite' | 'postgres';

const BENCHES: readonly Bench[] = ['simulation', 'engine', 'import', 'webhooks', 'reports'];
const PER_DATABASE = new Set<Bench>(['import', 'webhooks', 'reports']);

async function runOne(bench: Bench, database: Database): Promise<Record<string, string | number>> {
  const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  switch (bench) {
    case 'simulation':
      return runSimulationBench();
    case 'engine':
      return runEngineBench(messages);
    case 'import':
      return runBulkImportBench(database, messages);
    case 'webhooks':
      return runWebhookBench(database, Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1_000_000));
    case 'reports':
      return runReportsBench({
        databaseKind: database,
        messages: Number(process.env.BENCH_REPORT_MESSAGES ?? 10_000_000),
      });
  }
}

async function main(): Promise<number> {
  const child = argValue('--child');
  if (child !== undefined) {
    const [bench, database] = child.split(':') as [Bench, Database];
    const figures = await runOne(bench, database);
    for (const [name, value] of Object.entries(figures)) {
      process.stdout.write(`${name.padEnd(58)} ${value}\n`);
    }
    return 0;
  }
  const only = new Set((argValue('--only') ?? BENCHES.join(',')).split(','));
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as Database[];
  let failures = 0;
  for (const bench of BENCHES.filter((name) => only.has(name))) {
    for (const database of PER_DATABASE.has(bench) ? databases : (['sqlite'] as Database[])) {
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

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
