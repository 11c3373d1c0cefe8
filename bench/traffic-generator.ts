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

/**
 * Deterministic traffic for one month: per conversation, a customer message, then business
 * messages delivered through status webhooks carrying Meta's pricing (marketing, utility,
 * service). One webhook body per message, as Meta usually sends them.
 */
export function* generateWebhookBodies(count: number, month = '2026-08'): Generator<string> {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const span = 27 * 24 * 3600 * 1000;
  let produced = 0;
  let conversation = 0;
  while (produced < count) {
    const phone = BENCH_PHONES[conversation % BENCH_PHONES.length];
    const prefix = PREFIXES[conversation % PREFIXES.length];
    const contact = `${prefix}${String(1_000_000 + (conversation % 900_000)).slice(1)}`.slice(
      0,
      15,
    );
    const at = start + ((conversation * 7919) % span);
    const events = [
      inboundBody(phone, `wamid.bench.${conversation}.in`, contact, at),
      statusBody(
        phone,
        `wamid.bench.${conversation}.mkt`,
        contact,
        at - 3600_000,
        'marketing',
        'regular',
      ),
      statusBody(
        phone,
        `wamid.bench.${conversation}.svc`,
        contact,
        at + 60_000,
        'service',
        'free_customer_service',
      ),
      statusBody(
        phone,
        `wamid.bench.${conversation}.utl`,
        contact,
        at + 120_000,
        'utility',
        'free_customer_service',
      ),
      statusBody(
        phone,
        `wamid.bench.${conversation}.utl2`,
        contact,
        at + 30 * 3600_000,
        'utility',
        'regular',
      ),
    ];
    for (const body of events) {
      if (produced >= count) break;
      produced += 1;
      yield body;
    }
    conversation += 1;
  }
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
