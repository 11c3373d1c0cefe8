import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const BENCH_WABA = '900000000000001';
export const BENCH_PHONES = Array.from(
  { length: 20 },
  (_, index) => `8000000000${String(index).padStart(2, '0')}`,
);

/** Calling-code prefixes of 30 markets with rates in some built-in card or none (NO_RATE). */
const PREFIXES = [
  '1212',
  '1416',
  '1809',
  '1876',
  '1787',
  '52155',
  '51987',
  '55119',
  '54911',
  '56912',
  '57310',
  '34612',
  '44770',
  '49151',
  '33612',
  '39347',
  '91987',
  '62812',
  '60123',
  '92300',
  '20100',
  '27821',
  '23480',
  '25471',
  '97150',
  '96650',
  '90532',
  '85291',
  '65912',
  '38050',
];

export interface GeneratedMessage {
  body: string;
}

const MONTH_SPAN_MS = 27 * 24 * 3600 * 1000;
/** How long before a conversation's anchor its first event comes (the marketing template). */
const EARLIEST_OFFSET_MS = 3600_000;

/**
 * Deterministic traffic for one month: per conversation, a customer message, then business
 * messages delivered through status webhooks carrying Meta's pricing (marketing, utility,
 * service). One webhook body per message, as Meta usually sends them. Conversations are
 * scattered over the month in file order, as an import file of any origin may be.
 */
export function* generateWebhookBodies(count: number, month = '2026-08'): Generator<string> {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  let produced = 0;
  for (let conversation = 0; produced < count; conversation += 1) {
    const at = start + ((conversation * 7919) % MONTH_SPAN_MS);
    for (const event of conversationEvents(conversation, at)) {
      if (produced >= count) break;
      produced += 1;
      yield event.body;
    }
  }
}

/**
 * The same traffic as Meta sends it live: every event at its own time, in time order, with the
 * conversations spread evenly over the month.
 */
export function* generateLiveWebhookBodies(count: number, month = '2026-08'): Generator<string> {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const step = MONTH_SPAN_MS / Math.ceil(count / EVENTS_PER_CONVERSATION);
  // Each position in a conversation keeps its offset, so each queue is already in time order.
  const queues: { at: number; body: string }[][] = Array.from(
    { length: EVENTS_PER_CONVERSATION },
    () => [],
  );
  const heads = queues.map(() => 0);
  function* emitUntil(limit: number): Generator<string> {
    for (;;) {
      let next = -1;
      for (const [index, queue] of queues.entries()) {
        const head = queue[heads[index]];
        if (head && head.at <= limit && (next < 0 || head.at < queues[next][heads[next]].at))
          next = index;
      }
      if (next < 0) return;
      yield queues[next][heads[next]].body;
      heads[next] += 1;
      if (heads[next] > 10_000) {
        queues[next].splice(0, heads[next]);
        heads[next] = 0;
      }
    }
  }
  let queued = 0;
  for (let conversation = 0; queued < count; conversation += 1) {
    const at = start + conversation * step;
    yield* emitUntil(at - EARLIEST_OFFSET_MS);
    for (const [index, event] of conversationEvents(conversation, at).entries()) {
      if (queued >= count) break;
      queues[index].push(event);
      queued += 1;
    }
  }
  yield* emitUntil(Number.POSITIVE_INFINITY);
}

/**
 * Deterministic, but as random as Meta's: ids that grew with the file would reach the wamid
 * indexes nearly in order and make imports look faster than real files are.
 */
function benchWamid(conversation: number, suffix: string): string {
  return `wamid.${createHash('sha1').update(`bench.${conversation}.${suffix}`).digest('base64url')}`;
}

const EVENTS_PER_CONVERSATION = 5;

/** One conversation around `at`, each event with its own instant. */
function conversationEvents(conversation: number, at: number): { at: number; body: string }[] {
  const phone = BENCH_PHONES[conversation % BENCH_PHONES.length];
  const prefix = PREFIXES[conversation % PREFIXES.length];
  const contact = `${prefix}${String(1_000_000 + (conversation % 900_000)).slice(1)}`.slice(0, 15);
  const status = (suffix: string, offset: number, category: string, type: string) => ({
    at: at + offset,
    body: statusBody(phone, benchWamid(conversation, suffix), contact, at + offset, category, type),
  });
  return [
    status('mkt', -EARLIEST_OFFSET_MS, 'marketing', 'regular'),
    { at, body: inboundBody(phone, benchWamid(conversation, 'in'), contact, at) },
    status('svc', 60_000, 'service', 'free_customer_service'),
    status('utl', 120_000, 'utility', 'free_customer_service'),
    status('utl2', 30 * 3600_000, 'utility', 'regular'),
  ];
}

export async function writeJsonl(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (const body of generateWebhookBodies(count)) {
    if (!out.write(`${body}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function envelope(phone: string, field: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: BENCH_WABA,
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: `1555${phone.slice(-7)}`, phone_number_id: phone },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

function inboundBody(phone: string, wamid: string, from: string, at: number): string {
  return envelope(phone, 'messages', {
    contacts: [{ profile: { name: 'Bench' }, wa_id: from }],
    messages: [
      {
        from,
        id: wamid,
        timestamp: String(Math.floor(at / 1000)),
        type: 'text',
        text: { body: 'hello' },
      },
    ],
  });
}

function statusBody(
  phone: string,
  wamid: string,
  to: string,
  at: number,
  category: string,
  type: string,
): string {
  return envelope(phone, 'messages', {
    statuses: [
      {
        id: wamid,
        status: 'delivered',
        timestamp: String(Math.floor(at / 1000)),
        recipient_id: to,
        pricing: { billable: type === 'regular', pricing_model: 'PMP', type, category },
      },
    ],
  });
}
