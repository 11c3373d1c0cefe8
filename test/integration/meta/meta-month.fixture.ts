import type { TestApp } from '../../utils/test-app.util';
import { PHONE, WABA, inbound, postWebhook, status } from '../../utils/webhook.util';

/** São Paulo is UTC−3 all year (no daylight saving since 2019). */
export const TIMEZONE = 'America/Sao_Paulo';
const BRAZIL = ['5511990000001', '5511990000002', '5511990000003', '5511990000004'];
const MEXICO = '5215512345678';

const MARKETING = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' };
const UTILITY = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' };

/** A local São Paulo time on a March 2026 day as an ISO instant (UTC−3). */
export function local(day: number, time: string): string {
  return new Date(
    Date.parse(`2026-03-${String(day).padStart(2, '0')}T${time}:00-03:00`),
  ).toISOString();
}

function later(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

async function delivered(
  testApp: TestApp,
  wamid: string,
  to: string,
  at: string,
  pricing?: Record<string, unknown>,
) {
  await postWebhook(testApp, status(wamid, to, 'sent', later(at, -1), pricing));
  await postWebhook(testApp, status(wamid, to, 'delivered', at, pricing));
}

const RECORD = `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted } }`;

/**
 * March 2026 of one São Paulo WABA, seeded through webhooks and the send log so that, against
 * `metaAnalyticsFile` (Meta's days are UTC days there), each cause shows once:
 * - 1st: a marketing message on a day no analytics cover (META_DATA_MISSING);
 * - 2nd: 3 marketing, Meta's cost rounded to the cent (within Meta's rounding);
 * - 3rd 22:30 local = 4th 01:30 UTC: 2 marketing Meta counts on the 4th (TIMEZONE_EDGE twice);
 * - 5th: 3 utility delivered and 1 still pending, Meta counts 4 (MESSAGES_NOT_SEEN);
 * - 6th: a template we recorded as marketing, Meta counts utility (CATEGORY_DIFFERS twice);
 * - 7th: a marketing message Meta counts in a free entry point window (FREE_ENTRY_POINT twice);
 * - 10th: 2 marketing to Mexico, Meta's cost another rate (RATE_DIFFERS);
 * - 12th: a free reply in the customer service window, as Meta counts it (no line);
 * - 20th: a marketing message Meta does not count (NOT_IN_META);
 * - 31st 22:00 local = 1 April 01:00 UTC: Meta counts it in April (TIMEZONE_EDGE).
 */
export async function seedMetaMonth(testApp: TestApp): Promise<void> {
  const [a, b, c, d] = BRAZIL;
  await delivered(testApp, 'wamid.m01', a, local(1, '12:00'), MARKETING);
  for (const [index, to] of [a, b, c].entries()) {
    await delivered(testApp, `wamid.m02.${index}`, to, local(2, '12:00'), MARKETING);
  }
  await delivered(testApp, 'wamid.m03.0', a, local(3, '22:30'), MARKETING);
  await delivered(testApp, 'wamid.m03.1', b, local(3, '22:40'), MARKETING);
  for (const [index, to] of [a, b, c].entries()) {
    await delivered(testApp, `wamid.u05.${index}`, to, local(5, '10:00'), UTILITY);
  }
  await postWebhook(testApp, status('wamid.u05.3', d, 'sent', local(5, '10:00'), UTILITY));
  const recorded = await testApp.gql<{ recordSentMessages: { accepted: number } }>(
    RECORD,
    {
      input: [
        {
          wamid: 'wamid.t06',
          phoneNumberId: PHONE,
          to: `+${a}`,
          sentAt: local(6, '09:00'),
          templateName: 'order_news',
          templateLanguage: 'pt_BR',
          templateCategory: 'MARKETING',
        },
      ],
    },
    testApp.keys.operator,
  );
  if (recorded.data?.recordSentMessages.accepted !== 1) throw new Error(JSON.stringify(recorded));
  await postWebhook(testApp, status('wamid.t06', a, 'delivered', local(6, '09:01')));
  await delivered(testApp, 'wamid.m07', b, local(7, '15:00'), MARKETING);
  await delivered(testApp, 'wamid.mx10.0', MEXICO, local(10, '11:00'), MARKETING);
  await delivered(testApp, 'wamid.mx10.1', MEXICO, local(10, '11:05'), MARKETING);
  await postWebhook(testApp, inbound('wamid.in12', c, local(12, '08:00')));
  await delivered(testApp, 'wamid.s12', c, local(12, '08:05'), {
    billable: false,
    pricing_model: 'PMP',
    type: 'free_customer_service',
    category: 'service',
  });
  await delivered(testApp, 'wamid.m20', d, local(20, '12:00'), MARKETING);
  await delivered(testApp, 'wamid.m31', d, local(31, '22:00'), MARKETING);
}

const utcDay = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

function point(
  day: string,
  country: string,
  pricingType: string,
  pricingCategory: string,
  volume: number,
  cost: string,
  tier?: string,
): string {
  // Written as JSON text, so that costs are exactly the decimals Meta would print.
  const start = utcDay(day);
  return `{"start":${start},"end":${start + 86_400},"country":"${country}",${
    tier ? `"tier":"${tier}",` : ''
  }"pricing_type":"${pricingType}","pricing_category":"${pricingCategory}","volume":${volume},"cost":${cost}}`;
}

/** Meta's pricing_analytics answer for that month, UTC day buckets, as Meta returns it. */
export function metaAnalyticsFile(): string {
  const utilityTier = '0:MAX';
  const points = [
    point('2026-03-02', 'BR', 'REGULAR', 'MARKETING', 3, '0.19', '0:MAX'),
    point('2026-03-04', 'BR', 'REGULAR', 'MARKETING', 2, '0.13', '0:MAX'),
    point('2026-03-05', 'BR', 'REGULAR', 'UTILITY', 4, '0.03', utilityTier),
    point('2026-03-06', 'BR', 'REGULAR', 'UTILITY', 1, '0.01', utilityTier),
    point('2026-03-07', 'BR', 'FREE_ENTRY_POINT', 'SERVICE', 1, '0'),
    point('2026-03-10', 'MX', 'REGULAR', 'MARKETING', 2, '0.1', '0:MAX'),
    point('2026-03-12', 'BR', 'FREE_CUSTOMER_SERVICE', 'SERVICE', 1, '0'),
    point('2026-04-01', 'BR', 'REGULAR', 'MARKETING', 1, '0.06', '0:MAX'),
  ];
  return `{"pricing_analytics":{"data":[{"data_points":[${points.join(',')}]}]},"id":"${WABA}"}`;
}
