import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadAppConfig, type AppConfig } from '../src/config/app-config';

export type BenchDatabase = 'sqlite' | 'postgres';

export interface BenchEnvironment {
  config: AppConfig;
  /** The environment the configuration was read from, for the project's commands. */
  env: Record<string, string>;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A throwaway data directory, and for PostgreSQL a fresh database dropped afterwards. */
export async function createBenchEnvironment(kind: BenchDatabase): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'billing-bench-'));
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | null = null;
  if (kind === 'postgres') {
    const adminUrl = postgresAdminUrl();
    const name = `billing_bench_${process.pid}_${Date.now()}`;
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  }
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    BOOTSTRAP_API_KEY: 'bench-admin-key-0123456789',
    NODE_ENV: 'production',
    // The benchmarks measure ingestion and reports: no month closes of the generated months.
    SCHEDULER: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const config = loadAppConfig(env);
  return {
    config,
    env,
    dataDir,
    async dispose() {
      if (drop) await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The node flags of an npm script of the project (`node FLAGS FILE`), as package.json sets them,
 * then those of `BENCH_NODE_FLAGS` (to profile the process measured: `--cpu-prof`, ...).
 */
export function npmScriptNodeFlags(script: string): string[] {
  const packageJson = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
  ) as {
    scripts: Record<string, string>;
  };
  const extra = process.env.BENCH_NODE_FLAGS?.trim();
  return [
    ...packageJson.scripts[script].split(/\s+/).filter((word) => word.startsWith('--')),
    ...(extra ? extra.split(/\s+/) : []),
  ];
}

export function postgresAdminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test'
  );
}

/** Samples RSS every 50 ms; `stop` returns the peak in MB. */
export function trackPeakMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
