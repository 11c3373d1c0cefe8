import { createHmac } from 'node:crypto';
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { createBenchEnvironment, type BenchDatabase } from './bench-environment';
import {
  postDelivery,
  queueHealth,
  startService,
  WEBHOOK_SECRET,
  type RunningService,
} from './ingestion.bench';
import { BENCH_WABA, generateLiveWebhookBodies } from './traffic-generator';

const ADMIN_KEY = 'bench-admin-key-0123456789';
const CLIENTS = 16;
/**
 * Reads of each query timed idle, and again under load (BENCH_UNDERLOAD_READS): with 400 the p99
 * is the fifth slowest read, not the second as with 150.
 */
const SAMPLES = Number(process.env.BENCH_UNDERLOAD_READS ?? 400);
/** Idle and loaded reads alternate in this many rounds. */
const ROUNDS = 4;
/**
 * Webhook events a second posted while the reads are timed (BENCH_UNDERLOAD_RATE; 0: as fast as
 * the service answers, which saturates this machine's two cores). 500/s is a busy number's
 * campaign with its statuses, and a quarter of what one process applies here.
 */
const LOAD_PER_SECOND = Number(process.env.BENCH_UNDERLOAD_RATE ?? 500);
/** Latency above this many times the idle p99 misses the target. */
const TARGET_RATIO = 2;

const STATEMENT_QUERY = `query BenchStatement { monthlyStatement(input: { month: "2026-08", wabaId: "${BENCH_WABA}" }) { total lines { market pricingCategory quantity amount } } }`;
const MESSAGES_QUERY = `query BenchMessages { messages(first: 50, filter: { wabaIds: ["${BENCH_WABA}"], from: "2026-08-05T00:00:00Z", to: "2026-08-25T00:00:00Z" }) { edges { node { wamid charge { reason amount } } } pageInfo { hasNextPage endCursor } } }`;

interface Delivery {
  body: string;
  signature: string;
}

function signed(bodies: Iterable<string>): Delivery[] {
  return Array.from(bodies, (body) => ({
    body,
    signature: `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
  }));
}

/**
 * Posts the deliveries from `CLIENTS` keep-alive clients spread over the services' ports, all of
 * them or until `stop` says so; at most `perSecond` a second when given (else as fast as they are
 * answered).
 */
async function deliver(
  agent: http.Agent,
  ports: number[],
  deliveries: Delivery[],
  stop: () => boolean = () => false,
  perSecond = 0,
): Promise<{ sent: number; failed: number; errors: string[] }> {
  let next = 0;
  let sent = 0;
  let failed = 0;
  const errors = new Set<string>();
  const started = performance.now();
  const client = async (index: number) => {
    const port = ports[index % ports.length];
    while (next < deliveries.length && !stop()) {
      const position = next++;
      if (perSecond > 0) {
        const wait = started + (position * 1000) / perSecond - performance.now();
        if (wait > 0) await delay(wait);
      }
      const delivery = deliveries[position];
      try {
        if ((await postDelivery(agent, port, delivery)) === 200) sent += 1;
        else failed += 1;
      } catch (error) {
        failed += 1;
        errors.add(`port ${port}: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  return { sent, failed, errors: [...errors].slice(0, 3) };
}

async function drained(agent: http.Agent, port: number): Promise<void> {
  while ((await queueHealth(agent, port)).waiting > 0) await delay(100);
}

/** One GraphQL request with the admin key: its HTTP status and body. */
function postGraphql(
  agent: http.Agent,
  port: number,
  query: string,
): Promise<{ status: number | undefined; text: string }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${ADMIN_KEY}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** One GraphQL request's time in milliseconds; throws when it answers errors. */
async function timedQuery(agent: http.Agent, port: number, query: string): Promise<number> {
  const started = performance.now();
  const { status, text } = await postGraphql(agent, port, query);
  const elapsed = performance.now() - started;
  const answer = JSON.parse(text) as { errors?: { message: string }[] };
  if (status !== 200 || answer.errors !== undefined) {
    throw new Error(`GraphQL answered ${status}: ${text.slice(0, 300)}`);
  }
  return elapsed;
}

/** Alternates the statement and the messages page, one at a time, until `more` says stop. */
async function sampleReads(
  agent: http.Agent,
  port: number,
  more: (samples: number) => boolean,
): Promise<{ statement: number[]; messages: number[] }> {
  const statement: number[] = [];
  const messages: number[] = [];
  while (more(statement.length)) {
    statement.push(await timedQuery(agent, port, STATEMENT_QUERY));
    messages.push(await timedQuery(agent, port, MESSAGES_QUERY));
  }
  return { statement, messages };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The statement (`monthlyStatement`) and a `messages` page over GraphQL, idle and while webhooks
 * flow: the service runs as `npm start`; `seedEvents` bodies of August 2026 are applied first,
 * then `ROUNDS` rounds each time a share of the `SAMPLES` reads of each query one at a time idle
 * (the queue drained), then as many while 16 clients post the next bodies of the same month at
 * `LOAD_PER_SECOND` (at most `loadEvents` in all). Idle and loaded reads alternate so that the
 * machine's other work, which drifts over a run, weighs on both alike. Target: p99 under load
 * within 2× of idle.
 */
export async function runUnderLoadBench(
  kind: BenchDatabase,
  seedEvents: number,
  loadEvents: number,
): Promise<Record<string, string | number>> {
  const environment = await createBenchEnvironment(kind);
  const service = await startService({ ...environment.env, WHATSAPP_APP_SECRET: WEBHOOK_SECRET });
  const writers = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const reader = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const deliveries = signed(generateLiveWebhookBodies(seedEvents + loadEvents));
    const seeded = await deliver(writers, [service.port], deliveries.slice(0, seedEvents));
    await drained(writers, service.port);

    const idle = { statement: [] as number[], messages: [] as number[] };
    const underLoad = { statement: [] as number[], messages: [] as number[] };
    const loaded = { sent: 0, failed: 0, postedSeconds: 0 };
    let nextDelivery = seedEvents;
    for (let round = 0; round < ROUNDS; round += 1) {
      const target = Math.round((SAMPLES * (round + 1)) / ROUNDS);
      const idleReads = await sampleReads(
        reader,
        service.port,
        (samples) => idle.statement.length + samples < target,
      );
      idle.statement.push(...idleReads.statement);
      idle.messages.push(...idleReads.messages);

      let flowing = true;
      let readsDone = false;
      const roundDeliveries = deliveries.slice(nextDelivery);
      const loadStarted = performance.now();
      const load = (async () => {
        const result = await deliver(
          writers,
          [service.port],
          roundDeliveries,
          () => readsDone,
          LOAD_PER_SECOND,
        );
        loaded.postedSeconds += (performance.now() - loadStarted) / 1000;
        await drained(writers, service.port);
        flowing = false;
        return result;
      })();
      const loadReads = await sampleReads(
        reader,
        service.port,
        (samples) => underLoad.statement.length + samples < target && flowing,
      );
      readsDone = true;
      const result = await load;
      underLoad.statement.push(...loadReads.statement);
      underLoad.messages.push(...loadReads.messages);
      loaded.sent += result.sent;
      loaded.failed += result.failed;
      nextDelivery += result.sent + result.failed;
    }

    const figures: Record<string, string | number> = {
      [`reads under load ${kind}: bodies seeded, then posted while reading`]: `${seeded.sent}, ${loaded.sent} (${Math.round(loaded.sent / loaded.postedSeconds)} answered/s; refused ${seeded.failed + loaded.failed})`,
      [`reads under load ${kind}: samples idle, under load`]: `${idle.statement.length}, ${underLoad.statement.length} of each query`,
    };
    for (const [name, idleTimes, loadTimes] of [
      ['monthlyStatement', idle.statement, underLoad.statement],
      ['messages (50)', idle.messages, underLoad.messages],
    ] as const) {
      const idleP99 = percentile(idleTimes, 0.99);
      const loadP99 = percentile(loadTimes, 0.99);
      figures[`reads under load ${kind}: ${name} p50 / p99 idle`] =
        `${ms(percentile(idleTimes, 0.5))} / ${ms(idleP99)}`;
      figures[`reads under load ${kind}: ${name} p50 / p99 under load`] =
        `${ms(percentile(loadTimes, 0.5))} / ${ms(loadP99)}`;
      figures[`reads under load ${kind}: ${name} p99 ratio (target ≤ ${TARGET_RATIO}×)`] =
        `${(loadP99 / idleP99).toFixed(2)}× (${loadP99 / idleP99 <= TARGET_RATIO ? 'met' : 'missed'})`;
    }
    return figures;
  } finally {
    writers.destroy();
    reader.destroy();
    await service.stop();
    await environment.dispose();
  }
}

/**
 * Webhook events/s with one, two and three service processes on one PostgreSQL database (each
 * `npm start` on its own port; the 16 clients spread over them), counted until `/health` shows
 * every body applied. A fresh database for each count. On a 2-core machine the processes share
 * the cores with PostgreSQL and the clients: the figures show the cost of coordination, not
 * scale.
 */
export async function runReplicasBench(
  kind: BenchDatabase,
  events: number,
): Promise<Record<string, string | number>> {
  if (kind !== 'postgres') throw new Error('several processes need PostgreSQL');
  const figures: Record<string, string | number> = {
    'replicas postgres: note':
      'a 2-core machine shared by the processes, PostgreSQL and the clients: this shows overhead, not scale',
  };
  const deliveries = signed(generateLiveWebhookBodies(events));
  for (const processes of [1, 2, 3]) {
    const label = `replicas postgres: ${processes} process${processes > 1 ? 'es' : ''}`;
    const environment = await createBenchEnvironment(kind);
    const services: RunningService[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    try {
      try {
        for (let index = 0; index < processes; index += 1) {
          services.push(
            await startService({ ...environment.env, WHATSAPP_APP_SECRET: WEBHOOK_SECRET }),
          );
        }
      } catch (error) {
        figures[label] =
          `process ${services.length + 1} did not start: ${String(error).slice(0, 300)}`;
        continue;
      }
      const ports = services.map((service) => service.port);
      const started = performance.now();
      const result = await deliver(agent, ports, deliveries);
      const answeredSeconds = (performance.now() - started) / 1000;
      const deadline = Date.now() + 600_000;
      let waiting = (await queueHealth(agent, ports[0])).waiting;
      while (waiting > 0 && Date.now() < deadline) {
        await delay(100);
        waiting = (await queueHealth(agent, ports[0])).waiting;
      }
      const seconds = (performance.now() - started) / 1000;
      const applied = await countApplied(agent, ports[0]);
      figures[label] = [
        `${Math.round(result.sent / seconds)} events/s applied`,
        `${Math.round(result.sent / answeredSeconds)}/s answered`,
        `${result.sent} answered 200, ${result.failed} not`,
        waiting > 0 ? `${waiting} still waiting after 10 min` : 'queue empty',
        `${applied} messages stored`,
        ...result.errors,
      ].join('; ');
    } finally {
      agent.destroy();
      for (const service of services) await service.stop();
      await environment.dispose();
    }
  }
  return figures;
}

/** Messages of the bench's WABA, counted over GraphQL (a sanity check beside the rate). */
async function countApplied(agent: http.Agent, port: number): Promise<string> {
  const query = `{ costReport(input: { groupBy: [WABA], from: "2026-07-01T00:00:00Z", to: "2026-10-01T00:00:00Z" }) { rows { messages } } }`;
  let text = '';
  try {
    text = (await postGraphql(agent, port, query)).text;
    const rows = (JSON.parse(text) as { data: { costReport: { rows: { messages: number }[] } } })
      .data.costReport.rows;
    return String(rows.reduce((sum, row) => sum + Number(row.messages), 0));
  } catch (error) {
    return `unknown (${text ? text.slice(0, 200) : String(error)})`;
  }
}
