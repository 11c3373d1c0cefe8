import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createApplicationContext } from '../src/app-context';
import { ChargingService } from '../src/charging/services/charging.service';
import { RateCardsService } from '../src/rate-cards/services/rate-cards.service';
import {
  createBenchEnvironment,
  npmScriptNodeFlags,
  type BenchDatabase,
} from './bench-environment';
import { generateLiveWebhookBodies, writeJsonl } from './traffic-generator';

const RERATE_CARD_CSV = `Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service
North America,$US,0.0250,0.0034,0.0034,n/a,0.0034
Rest of Latin America,$US,0.0740,0.0113,0.0113,n/a,0.0113
Mexico,$US,0.0397,0.0085,0.0085,n/a,0.0085
Peru,$US,0.0703,0.0200,0.0200,n/a,0.0200
India,$US,0.0107,0.0014,0.0014,0.0280,0.0014
Spain,$US,0.0707,0.0200,0.0200,n/a,0.0200
`;

/**
 * Bulk import of generated webhook bodies (JSONL, one message each) as an operator runs it:
 * `npm run import` in a fresh process, with its V8 flags; then the time to re-rate that month
 * after importing a new rate card.
 */
export async function runBulkImportBench(
  kind: BenchDatabase,
  messages: number,
): Promise<Record<string, string | number>> {
  const environment = await createBenchEnvironment(kind);
  try {
    const file = join(environment.dataDir, 'bench.jsonl');
    await writeJsonl(file, messages);
    const started = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [...npmScriptNodeFlags('import'), join(__dirname, '..', 'src', 'cli', 'import.cli.js'), file],
      {
        env: { ...process.env, ...environment.env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = /stored (\d+),.*peak memory (\d+) MB/.exec(result.stdout);
    if (result.status !== 0 || !summary) {
      throw new Error(`the import command failed: ${result.stderr || result.stdout}`);
    }
    const stored = Number(summary[1]);
    const app = await createApplicationContext(environment.config);
    try {
      const card = await app.get(RateCardsService).import({
        name: 'bench card',
        currency: 'USD',
        effectiveFrom: '2026-08-01',
        ratesCsv: RERATE_CARD_CSV,
      });
      const rerateStarted = process.hrtime.bigint();
      const rerated = await app.get(ChargingService).repriceForRateCard(card);
      const rerateSeconds = Number(process.hrtime.bigint() - rerateStarted) / 1e9;
      return {
        [`bulk import ${kind}: messages`]: stored,
        [`bulk import ${kind}: seconds (npm run import, start to exit)`]: seconds.toFixed(1),
        [`bulk import ${kind}: messages/s`]: Math.round(stored / seconds),
        [`bulk import ${kind}: target 20,000/s ratio`]: (stored / seconds / 20_000).toFixed(2),
        [`bulk import ${kind}: peak RSS MB`]: Number(summary[2]),
        [`re-rate month after new card ${kind}: messages`]: rerated,
        [`re-rate month after new card ${kind}: seconds`]: rerateSeconds.toFixed(1),
      };
    } finally {
      await app.close();
    }
  } finally {
    await environment.dispose();
  }
}

export const WEBHOOK_SECRET = 'bench-app-secret';

/**
 * The HTTP webhook path as Meta uses it: the service runs as `npm start` in its own process;
 * `concurrency` keep-alive clients here post signed bodies in time order; the figures count
 * until `/health` says the queue has applied and charged every body.
 */
export async function runWebhookBench(
  kind: BenchDatabase,
  events: number,
  concurrency = 16,
): Promise<Record<string, string | number>> {
  const environment = await createBenchEnvironment(kind);
  const service = await startService({
    ...environment.env,
    WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    // Made and signed before the clock starts: that is Meta's work, not the service's, and on
    // this 2-core machine the benchmark's own CPU would be taken from the service.
    const deliveries = Array.from(generateLiveWebhookBodies(events), (body) => ({
      body,
      signature: `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
    }));
    const started = process.hrtime.bigint();
    let next = 0;
    let sent = 0;
    let failed = 0;
    const worker = async () => {
      while (next < deliveries.length) {
        const status = await postDelivery(agent, service.port, deliveries[next++]);
        if (status === 200) sent += 1;
        else failed += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const acceptedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    while ((await queueHealth(agent, service.port)).waiting > 0) await delay(100);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      [`webhooks ${kind}: events`]: sent,
      [`webhooks ${kind}: failed`]: failed,
      [`webhooks ${kind}: answered (200) events/s`]: Math.round(sent / acceptedSeconds),
      [`webhooks ${kind}: applied and charged events/s`]: Math.round(sent / seconds),
      [`webhooks ${kind}: target 2,000/s ratio`]: (sent / seconds / 2000).toFixed(2),
      [`webhooks ${kind}: service peak RSS MB`]: service.peakMemoryMb(),
    };
  } finally {
    agent.destroy();
    await service.stop();
    await environment.dispose();
  }
}

export interface RunningService {
  port: number;
  /** The process's resident-memory high-water mark so far (Linux). */
  peakMemoryMb(): number;
  stop(): Promise<void>;
}

/** Starts the service as `npm start` does, on a free port, and waits until it listens. */
export async function startService(env: Record<string, string>): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...npmScriptNodeFlags('start'), join(__dirname, '..', 'src', 'main.js')],
    { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}: ${output}`)));
  });
  return {
    port,
    peakMemoryMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function queueHealth(agent: http.Agent, port: number): Promise<{ waiting: number }> {
  const response = await fetchJson(agent, port, '/health');
  return (response as { details: { webhookQueue: { waiting: number } } }).details.webhookQueue;
}

export function fetchJson(agent: http.Agent, port: number, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      })
      .on('error', reject);
  });
}

export function postDelivery(
  agent: http.Agent,
  port: number,
  { body, signature }: { body: string; signature: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/webhooks/whatsapp',
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-Hub-Signature-256': signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
