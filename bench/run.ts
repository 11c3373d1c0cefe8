import 'reflect-metadata';
import { runEngineBench } from './engine.bench';
import { runBulkImportBench, runWebhookBench } from './ingestion.bench';
import { runSimulationBench } from './simulation.bench';

/**
 * npm run bench [-- --only engine,import,webhooks,reports,simulation] — sizes from the environment:
 * BENCH_MESSAGES (bulk import and engine, default 1,000,000), BENCH_WEBHOOK_EVENTS (default
 * 50,000), BENCH_REPORT_MESSAGES (default 10,000,000), BENCH_DATABASES (default sqlite,postgres).
 */
async function main(): Promise<void> {
  const only = new Set(
    (argValue('--only') ?? 'engine,import,webhooks,reports,simulation').split(','),
  );
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as (
    'sqlite' | 'postgres'
  )[];
  const messages = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  const webhookEvents = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 50_000);
  const reportMessages = Number(process.env.BENCH_REPORT_MESSAGES ?? 10_000_000);
  const print = (figures: Record<string, string | number>) => {
    for (const [name, value] of Object.entries(figures))
      process.stdout.write(`${name.padEnd(58)} ${value}\n`);
  };
  // The simulation runs first, before the large runs grow the heap.
  if (only.has('simulation')) print(await runSimulationBench());
  if (only.has('engine')) print(runEngineBench(messages));
  for (const kind of databases) {
    if (only.has('import')) print(await runBulkImportBench(kind, messages));
    if (only.has('webhooks')) print(await runWebhookBench(kind, webhookEvents));
    if (only.has('reports')) {
      const { runReportsBench } = await import('./reports.bench');
      print(await runReportsBench({ databaseKind: kind, messages: reportMessages }));
    }
  }
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
