import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BulkImportService } from '../../src/ingestion/services/bulk-import.service';
import { createScratchDatabase, type ScratchDatabase } from '../utils/scratch-database.util';
import {
  ensureBuild,
  graphqlAt,
  runCliProcess,
  startServiceProcess,
  type ServiceProcess,
} from '../utils/service-process.util';
import { ADMIN_KEY, APP_SECRET, createTestApp, type TestApp } from '../utils/test-app.util';
import { sign } from '../utils/webhook.util';

/**
 * Two portfolios (the first with two WABAs sharing its tier counters), a card whose utility and
 * authentication ladders change band every few messages, and traffic with every
 * hazard of ordering: statuses before their send, deliveries arriving long after later
 * messages were charged (late statuses move a counter's places), business-app echoes, inbound
 * messages, duplicates.
 */
const WABAS = [
  { wabaId: 'waba-1a', portfolioId: 'portfolio-1', phone: 'phone-1a' },
  { wabaId: 'waba-1b', portfolioId: 'portfolio-1', phone: 'phone-1b' },
  { wabaId: 'waba-2', portfolioId: 'portfolio-2', phone: 'phone-2' },
] as const;

/**
 * Utility bands of 10 messages and authentication bands of 5, each a little cheaper: a place
 * given twice, or skipped, anywhere in the month moves some message to another band.
 */
function ladders(): string {
  const rate = (base: number, band: number) => ((base - band * 5) / 10_000).toFixed(4);
  const rows = ['Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,'];
  for (let band = 0; band <= 20; band += 1) {
    const utility = [band === 0 ? 0 : band * 10 + 1, band === 20 ? '--' : (band + 1) * 10];
    const authentication = [band === 0 ? 0 : band * 5 + 1, band === 20 ? '--' : (band + 1) * 5];
    rows.push(
      [
        band === 0 ? 'Peru' : '',
        band === 0 ? 'USD' : '',
        ...utility,
        band === 0 ? 'List' : 'Tier',
        rate(200, band),
        '--',
        ...authentication,
        band === 0 ? 'List' : 'Tier',
        rate(300, band),
        '--',
        band === 0 ? 'n/a' : '',
        '',
        '',
        '',
        '',
      ].join(','),
    );
  }
  return rows.join('\n');
}

const RATE_CARD = {
  name: 'Tiered USD 2026-11',
  currency: 'USD',
  effectiveFrom: '2026-11-01',
  ratesCsv:
    'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\nPeru,$US,0.0703,0.0200,0.0300,n/a,0.0200\n',
  volumeTiersCsv: ladders(),
};

type Body = Record<string, unknown>;

function envelope(waba: (typeof WABAS)[number], field: string, value: Body): Body {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: waba.wabaId,
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: waba.phone },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

const seconds = (at: number) => String(Math.floor(at / 1000));

function statusBody(
  waba: (typeof WABAS)[number],
  wamid: string,
  to: string,
  state: string,
  at: number,
  category: string,
): Body {
  return envelope(waba, 'messages', {
    statuses: [
      {
        id: wamid,
        status: state,
        timestamp: seconds(at),
        recipient_id: to,
        ...(state === 'read'
          ? {}
          : { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category } }),
      },
    ],
  });
}

/** A deterministic shuffle (the same traffic in the same order on every run). */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

/** The webhook bodies (in arrival order) and the import file's bodies of the scenario. */
function scenario(): { webhooks: Body[]; tail: Body[]; imported: Body[] } {
  const early: Body[] = [];
  const late: Body[] = [];
  const imported: Body[] = [];
  const start = Date.parse('2026-11-02T08:00:00Z');
  let counter = 0;
  for (const waba of WABAS) {
    const count = waba.portfolioId === 'portfolio-1' ? 30 : 24;
    for (let index = 0; index < count; index += 1) {
      counter += 1;
      const category = index % 3 === 2 ? 'authentication' : 'utility';
      const wamid = `wamid.${waba.wabaId}.${index}`;
      const to = `5191122${String(counter).padStart(4, '0')}`;
      const sentAt = start + counter * 3_600_000;
      const sent = statusBody(waba, wamid, to, 'sent', sentAt, category);
      const delivered = statusBody(waba, wamid, to, 'delivered', sentAt + 5_000, category);
      const read = statusBody(waba, wamid, to, 'read', sentAt + 60_000, category);
      if (counter % 5 === 0) {
        // Delivered first, sent later: out of order.
        early.push(delivered, sent);
      } else if (counter % 7 === 0) {
        // Its delivery arrives after everything else: later messages already hold its place.
        early.push(sent);
        late.push(delivered, read);
      } else if (counter % 4 === 0) {
        // The import brings its delivery; the webhooks bring its send and a duplicate.
        early.push(sent);
        imported.push(delivered, read);
        late.push(delivered);
      } else {
        early.push(sent, delivered);
        if (counter % 2 === 0) imported.push(read);
      }
      if (counter % 6 === 0) {
        early.push(
          envelope(waba, 'messages', {
            contacts: [{ profile: { name: 'Customer' }, wa_id: to }],
            messages: [
              {
                from: to,
                id: `wamid.in.${waba.wabaId}.${index}`,
                timestamp: seconds(sentAt + 120_000),
                type: 'text',
                text: { body: 'thanks' },
              },
            ],
          }),
        );
      }
      if (counter % 8 === 0) {
        early.push(
          envelope(waba, 'smb_message_echoes', {
            message_echoes: [
              {
                from: '15550783881',
                to,
                id: `wamid.echo.${waba.wabaId}.${index}`,
                timestamp: seconds(sentAt + 180_000),
                type: 'text',
                text: { body: 'from the app' },
              },
            ],
          }),
        );
      }
    }
  }
  // Last, new messages at the end of the month, in order, each process given some: they
  // append to the same counters at once, which nothing after them renumbers.
  const tail: Body[] = [];
  const tailStart = Date.parse('2026-11-25T08:00:00Z');
  for (let index = 0; index < 100; index += 1) {
    for (const waba of WABAS) {
      counter += 1;
      const category = index % 3 === 2 ? 'authentication' : 'utility';
      const wamid = `wamid.${waba.wabaId}.tail.${index}`;
      const to = `5191133${String(counter).padStart(4, '0')}`;
      const at = tailStart + counter * 60_000;
      const body = statusBody(waba, wamid, to, 'sent', at, category);
      const statuses = (body.entry as { changes: { value: { statuses: Body[] } }[] }[])[0]
        .changes[0].value.statuses;
      statuses.push({ ...statuses[0], status: 'delivered', timestamp: seconds(at + 5_000) });
      tail.push(body);
    }
  }
  return {
    webhooks: [...shuffled(early, 7), ...late],
    tail,
    imported: shuffled(imported, 11),
  };
}

async function postBody(url: string, body: Body): Promise<void> {
  const text = JSON.stringify(body);
  const response = await fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(text) },
    body: text,
  });
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
}

const SET_UP = [
  ...WABAS.map((waba) => ({
    query: `mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`,
    input: { wabaId: waba.wabaId, portfolioId: waba.portfolioId, timezone: 'UTC' },
  })),
  ...WABAS.map((waba) => ({
    query: `mutation($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId } }`,
    input: { phoneNumberId: waba.phone, wabaId: waba.wabaId },
  })),
  {
    query: `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
    input: RATE_CARD,
  },
];

const REPRICE = `mutation { reprice(input: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" }) { id } }`;

/** Every charge with its tier place, and every rollup row, in an order that ignores row ids. */
async function billingState(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const messages = await client.query(
      `SELECT phone_number_id, wamid, status, charge_billable, charge_reason, charge_pricing_category,
              charge_market, charge_tier, charge_rate, charge_amount, charge_amount_micros::text,
              charge_at::text, charge_month, sequence_group, sequence_ordinal, charge_origin
         FROM messages ORDER BY phone_number_id, wamid`,
    );
    const rollups = await client.query(
      `SELECT waba_id, portfolio_id, phone_number_id, charge_month, charge_day, charge_currency,
              charge_reason, charge_market, charge_country, charge_pricing_category, charge_tier,
              charge_rate, origin, messages::text, billable_messages::text, free_messages::text,
              amount_micros::text
         FROM charge_rollups
        ORDER BY waba_id, phone_number_id, charge_day, charge_reason, charge_pricing_category,
                 charge_tier, charge_rate, origin`,
    );
    const sums = await client.query(
      `SELECT (SELECT COALESCE(SUM(amount_micros), 0) FROM charge_rollups)::text AS rollups,
              (SELECT COALESCE(SUM(charge_amount_micros), 0) FROM messages
                WHERE charge_month IS NOT NULL)::text AS messages`,
    );
    return { messages: messages.rows, rollups: rollups.rows, sums: sums.rows[0] as Body };
  } finally {
    await client.end();
  }
}

/** Waits until no body waits to be applied and no job waits or runs. */
async function settled(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const { rows } = await client.query(
        `SELECT (SELECT COUNT(*) FROM raw_events WHERE processed_at IS NULL AND set_aside_at IS NULL AND discarded_at IS NULL)
              + (SELECT COUNT(*) FROM jobs WHERE status IN ('QUEUED', 'RUNNING')) AS busy`,
      );
      if (Number((rows[0] as { busy: string }).busy) === 0) return;
      if (Date.now() > deadline) throw new Error('the processes did not settle');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

const suite = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describe.skip('several service processes on one database [SQLite (skipped: SQLite takes one writing process at a time; replicas need PostgreSQL)]', () => {
  it('is covered on PostgreSQL', () => undefined);
});

suite('several service processes on one database [PostgreSQL]', () => {
  let importDir: string;
  let importFile: string;
  const traffic = scenario();

  beforeAll(() => {
    ensureBuild();
    importDir = mkdtempSync(join(tmpdir(), 'replicas-import-'));
    importFile = join(importDir, 'late-statuses.jsonl');
    writeFileSync(
      importFile,
      traffic.imported.map((body) => JSON.stringify(body)).join('\n') + '\n',
    );
  }, 300_000);
  afterAll(() => rmSync(importDir, { recursive: true, force: true }));

  it('three processes and a command-line import, interleaved, give every charge, tier place and rollup one process gives', async () => {
    // The same traffic through one process, in order: webhooks, the import, a re-rate.
    const single: TestApp = await createTestApp('postgres');
    let expected: Awaited<ReturnType<typeof billingState>>;
    try {
      for (const step of SET_UP) {
        const result = await single.gql(step.query, { input: step.input });
        expect(result.errors).toBeUndefined();
      }
      for (const body of [...traffic.webhooks, ...traffic.tail]) {
        const text = JSON.stringify(body);
        await single
          .http()
          .post('/webhooks/whatsapp')
          .set('Content-Type', 'application/json')
          .set('X-Hub-Signature-256', sign(text))
          .send(text)
          .expect(200);
      }
      await single.settle();
      await single.app.get(BulkImportService).importFile(importFile);
      expect((await single.gql(REPRICE)).errors).toBeUndefined();
      await single.settle();
      expected = await billingState(single.config.databaseUrl!);
    } finally {
      await single.close();
    }

    const scratch: ScratchDatabase = await createScratchDatabase('postgres');
    const env = {
      DATABASE_URL: scratch.config.databaseUrl!,
      DATA_DIR: scratch.config.dataDir,
      WHATSAPP_APP_SECRET: APP_SECRET,
      BOOTSTRAP_API_KEY: ADMIN_KEY,
    };
    const processes: ServiceProcess[] = [];
    try {
      // Three processes start at once on an empty database: migrations, built-in cards and the
      // first key are each done once.
      processes.push(...(await Promise.all([1, 2, 3].map(() => startServiceProcess(env)))));
      for (const step of SET_UP)
        await graphqlAt(processes[0].url, step.query, { input: step.input });
      const importing = runCliProcess('import', ['--quiet', importFile], env);
      // Bodies go round the three processes, eight at a time; a re-rate is asked half-way.
      let next = 0;
      const senders = Array.from({ length: 8 }, async () => {
        while (next < traffic.webhooks.length) {
          const index = next++;
          if (index === Math.floor(traffic.webhooks.length / 3)) {
            await graphqlAt(processes[1].url, REPRICE);
          }
          await postBody(processes[index % 3].url, traffic.webhooks[index]);
        }
      });
      await Promise.all(senders);
      const imported = await importing;
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      // Then, after the import's and the asked re-rates (which renumber whole months), the tail
      // as a steady stream: each process drains what reached the queue since its last batch, so
      // their re-rates of the same counters overlap, each appending places nothing renumbers.
      const streamed: Promise<void>[] = [];
      for (const [index, body] of traffic.tail.entries()) {
        streamed.push(postBody(processes[index % 3].url, body));
        await new Promise((resolve) => setTimeout(resolve, 8));
      }
      await Promise.all(streamed);
      // No re-rate after the traffic: what the processes charged as it came must already be
      // what a whole-month re-rate in one process gives.
      await settled(env.DATABASE_URL);
      const actual = await billingState(env.DATABASE_URL);

      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const failures = await client.query(
          `SELECT COUNT(*)::int AS n FROM raw_events WHERE attempts > 0`,
        );
        expect(failures.rows[0]).toEqual({ n: 0 });
        const cards = await client.query(
          `SELECT COUNT(*)::int AS n, COUNT(DISTINCT imported_seq)::int AS seqs FROM rate_cards`,
        );
        expect(cards.rows[0].n).toBe(cards.rows[0].seqs);
        const keys = await client.query(`SELECT COUNT(*)::int AS n FROM api_keys`);
        expect(keys.rows[0]).toEqual({ n: 1 });
      } finally {
        await client.end();
      }
      // The scenario is what it claims: both ladders go through many bands.
      const tiers = new Set(
        expected.messages.map(
          (row: Body) => `${String(row.charge_pricing_category)} ${String(row.charge_tier)}`,
        ),
      );
      expect([...tiers].filter((tier) => tier.startsWith('UTILITY ')).length).toBeGreaterThan(15);
      expect(
        [...tiers].filter((tier) => tier.startsWith('AUTHENTICATION ')).length,
      ).toBeGreaterThan(15);
      expect(actual.messages.length).toBe(expected.messages.length);
      expect(actual.messages).toEqual(expected.messages);
      expect(actual.rollups).toEqual(expected.rollups);
      expect(actual.sums.rollups).toBe(actual.sums.messages);
      expect(actual.sums).toEqual(expected.sums);
    } finally {
      await Promise.all(processes.map((process) => process.stop()));
      await scratch.dispose();
    }
  }, 600_000);
});
