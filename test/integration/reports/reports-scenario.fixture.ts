import { In, type DataSource } from 'typeorm';
import { PhoneNumberEntity } from '../../../src/accounts/entities/phone-number.entity';
import { PortfolioEntity } from '../../../src/accounts/entities/portfolio.entity';
import { WabaEntity } from '../../../src/accounts/entities/waba.entity';
import {
  ChargeWriter,
  type ChargeWrite,
} from '../../../src/charging/services/charge-writer.service';
import { MessageEntity } from '../../../src/messages/entities/message.entity';
import type { Charge } from '../../../src/pricing/engine/engine.types';
import type { ChargeReason, PricingCategory } from '../../../src/pricing/pricing.types';
import { RateCardEntity } from '../../../src/rate-cards/entities/rate-card.entity';

/**
 * The scenario month, March 2026, charges set directly (written through the charging service's
 * ChargeWriter, so charge_rollups holds their sums as in production):
 * - waba-a ("Acme Brasil", portfolio pf-1 "Acme", America/Sao_Paulo = UTC−3, USD), numbers pn-a1 and pn-a2: marketing in
 *   Brazil, India and Germany, utility in two tier bands, every free reason but two, pending,
 *   unpriced (NO_RATE), not delivered, rejected, three disagreements with Meta's verdict, and
 *   messages just outside the month on either side (in UTC but not in São Paulo, and after);
 * - waba-b (unnamed, portfolio pf-1, Europe/Berlin, EUR), number pn-b1: two marketing messages, one inbound.
 */
export const SCENARIO_MONTH = '2026-03';

const T0 = Date.UTC(2026, 0, 1);

interface MessageSpec {
  wamid: string;
  phone: 'pn-a1' | 'pn-a2' | 'pn-b1';
  at: string;
  reason: ChargeReason;
  category?: PricingCategory | null;
  market?: string | null;
  country?: string | null;
  rate?: string | null;
  tier?: string | null;
  card?: string | null;
  billable?: boolean;
  direction?: 'INBOUND' | 'OUTBOUND';
  origin?: 'CLOUD_API' | 'BUSINESS_APP' | 'HISTORY_IMPORT';
  template?: string | null;
  source?: 'META' | 'ESTIMATE';
  estimate?: { billable: boolean; reason: ChargeReason; category: PricingCategory | null };
}

const WABAS = {
  'pn-a1': { wabaId: 'waba-a', timezone: 'America/Sao_Paulo', currency: 'USD' },
  'pn-a2': { wabaId: 'waba-a', timezone: 'America/Sao_Paulo', currency: 'USD' },
  'pn-b1': { wabaId: 'waba-b', timezone: 'Europe/Berlin', currency: 'EUR' },
} as const;

const BR_MARKETING = {
  category: 'MARKETING',
  market: 'Brazil',
  country: 'BR',
  rate: '0.0625',
  card: 'rc-usd-1',
} as const;
const IN_MARKETING = {
  category: 'MARKETING',
  market: 'India',
  country: 'IN',
  rate: '0.0107',
  card: 'rc-usd-1',
} as const;
const BR_UTILITY_1 = {
  category: 'UTILITY',
  market: 'Brazil',
  country: 'BR',
  rate: '0.0068',
  tier: '0:750000',
  card: 'rc-usd-1',
} as const;

export const SCENARIO_MESSAGES: MessageSpec[] = [
  // waba-a, billed
  {
    wamid: 'wamid.A01',
    phone: 'pn-a1',
    at: '2026-03-05T15:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: 'spring_sale',
  },
  {
    wamid: 'wamid.A02',
    phone: 'pn-a1',
    at: '2026-03-05T16:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: '=HYPERLINK("http://evil.example","click")',
  },
  {
    wamid: 'wamid.A03',
    phone: 'pn-a1',
    at: '2026-03-06T12:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: 'spring_sale',
  },
  {
    wamid: 'wamid.A04',
    phone: 'pn-a2',
    at: '2026-03-10T10:00:00Z',
    reason: 'BILLED',
    ...IN_MARKETING,
    template: 'promo, "quoted"',
  },
  {
    wamid: 'wamid.A05',
    phone: 'pn-a2',
    at: '2026-03-11T10:00:00Z',
    reason: 'BILLED',
    ...IN_MARKETING,
    template: 'promo',
  },
  {
    wamid: 'wamid.A06',
    phone: 'pn-a1',
    at: '2026-03-12T10:00:00Z',
    reason: 'BILLED',
    ...BR_UTILITY_1,
    template: 'order_update',
  },
  {
    wamid: 'wamid.A07',
    phone: 'pn-a1',
    at: '2026-03-13T10:00:00Z',
    reason: 'BILLED',
    ...BR_UTILITY_1,
    template: 'order_update',
  },
  {
    wamid: 'wamid.A08',
    phone: 'pn-a1',
    at: '2026-03-14T10:00:00Z',
    reason: 'BILLED',
    ...BR_UTILITY_1,
    rate: '0.0064',
    tier: '750001:15000000',
    template: 'order_update',
  },
  // 22:30 on 31 March in São Paulo: March there, April in UTC
  {
    wamid: 'wamid.A09',
    phone: 'pn-a2',
    at: '2026-04-01T01:30:00Z',
    reason: 'BILLED',
    category: 'MARKETING',
    market: 'Germany',
    country: 'DE',
    rate: '0.1361',
    card: 'rc-usd-2',
    template: 'late_offer',
  },
  // waba-a, Meta's verdict
  {
    wamid: 'wamid.A10',
    phone: 'pn-a1',
    at: '2026-03-15T10:00:00Z',
    reason: 'BILLED',
    ...BR_UTILITY_1,
    template: 'order_update',
    source: 'META',
    estimate: { billable: false, reason: 'FREE_CUSTOMER_SERVICE_WINDOW', category: 'UTILITY' },
  },
  {
    wamid: 'wamid.A11',
    phone: 'pn-a1',
    at: '2026-03-16T10:00:00Z',
    reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
    category: 'UTILITY',
    market: 'Brazil',
    country: 'BR',
    template: 'order_update',
    source: 'META',
    estimate: { billable: true, reason: 'BILLED', category: 'UTILITY' },
  },
  {
    wamid: 'wamid.A12',
    phone: 'pn-a2',
    at: '2026-03-17T10:00:00Z',
    reason: 'BILLED',
    ...IN_MARKETING,
    template: 'digest',
    source: 'META',
    estimate: { billable: true, reason: 'BILLED', category: 'UTILITY' },
  },
  {
    wamid: 'wamid.A13',
    phone: 'pn-a1',
    at: '2026-03-18T10:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: 'spring_sale',
    source: 'META',
    estimate: { billable: true, reason: 'BILLED', category: 'MARKETING' },
  },
  // waba-a, free and unbilled
  {
    wamid: 'wamid.A14',
    phone: 'pn-a1',
    at: '2026-03-02T09:00:00Z',
    reason: 'FREE_INBOUND',
    direction: 'INBOUND',
  },
  {
    wamid: 'wamid.A15',
    phone: 'pn-a1',
    at: '2026-03-16T09:00:00Z',
    reason: 'FREE_INBOUND',
    direction: 'INBOUND',
  },
  {
    wamid: 'wamid.A16',
    phone: 'pn-a2',
    at: '2026-03-20T09:00:00Z',
    reason: 'FREE_INBOUND',
    direction: 'INBOUND',
  },
  {
    wamid: 'wamid.A17',
    phone: 'pn-a1',
    at: '2026-03-02T09:05:00Z',
    reason: 'FREE_BUSINESS_APP',
    origin: 'BUSINESS_APP',
  },
  {
    wamid: 'wamid.A18',
    phone: 'pn-a2',
    at: '2026-03-20T09:05:00Z',
    reason: 'FREE_BUSINESS_APP',
    origin: 'BUSINESS_APP',
  },
  {
    wamid: 'wamid.A19',
    phone: 'pn-a1',
    at: '2026-03-16T09:10:00Z',
    reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
    category: 'SERVICE',
    market: 'Brazil',
    country: 'BR',
  },
  {
    wamid: 'wamid.A20',
    phone: 'pn-a2',
    at: '2026-03-20T09:10:00Z',
    reason: 'FREE_ENTRY_POINT',
    category: 'MARKETING',
    market: 'India',
    country: 'IN',
    template: 'welcome',
  },
  {
    wamid: 'wamid.A21',
    phone: 'pn-a1',
    at: '2026-03-31T20:00:00Z',
    reason: 'PENDING',
    category: 'MARKETING',
    market: 'Brazil',
    country: 'BR',
    template: 'spring_sale',
  },
  {
    wamid: 'wamid.A22',
    phone: 'pn-a2',
    at: '2026-03-21T10:00:00Z',
    reason: 'NO_RATE',
    billable: true,
    category: 'MARKETING',
    market: 'Other',
    country: 'AQ',
    card: 'rc-usd-1',
    template: 'promo',
  },
  {
    wamid: 'wamid.A23',
    phone: 'pn-a2',
    at: '2026-03-22T10:00:00Z',
    reason: 'NOT_DELIVERED',
    category: 'MARKETING',
    market: 'India',
    country: 'IN',
    template: 'promo',
  },
  {
    wamid: 'wamid.A24',
    phone: 'pn-a1',
    at: '2026-03-23T10:00:00Z',
    reason: 'REJECTED_OUTSIDE_WINDOW',
    market: 'Brazil',
    country: 'BR',
  },
  // waba-a, outside the month: 23:00 on 28 February in São Paulo; and April
  {
    wamid: 'wamid.A25',
    phone: 'pn-a1',
    at: '2026-03-01T02:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: 'spring_sale',
    source: 'META',
    estimate: { billable: false, reason: 'FREE_ENTRY_POINT', category: 'MARKETING' },
  },
  {
    wamid: 'wamid.A26',
    phone: 'pn-a1',
    at: '2026-04-02T12:00:00Z',
    reason: 'BILLED',
    ...BR_MARKETING,
    template: 'spring_sale',
  },
  // waba-b (EUR)
  {
    wamid: 'wamid.B01',
    phone: 'pn-b1',
    at: '2026-03-03T08:00:00Z',
    reason: 'FREE_INBOUND',
    direction: 'INBOUND',
  },
  {
    wamid: 'wamid.B02',
    phone: 'pn-b1',
    at: '2026-03-03T09:00:00Z',
    reason: 'BILLED',
    category: 'MARKETING',
    market: 'Germany',
    country: 'DE',
    rate: '0.1131',
    card: 'rc-eur-1',
    template: 'angebot',
  },
  {
    wamid: 'wamid.B03',
    phone: 'pn-b1',
    at: '2026-03-20T09:00:00Z',
    reason: 'BILLED',
    category: 'MARKETING',
    market: 'Germany',
    country: 'DE',
    rate: '0.1131',
    card: 'rc-eur-1',
    template: 'angebot',
  },
];

/** The cards behind the fixture's charges, so that a reprice can use them too. */
const CARD_RATES: Record<string, Record<string, Record<string, string>>> = {
  USD: {
    Brazil: { MARKETING: '0.0625', UTILITY: '0.0068', AUTHENTICATION: '0.0068', SERVICE: '0' },
    India: { MARKETING: '0.0107', UTILITY: '0.0014', AUTHENTICATION: '0.0014', SERVICE: '0' },
    Germany: { MARKETING: '0.1361', UTILITY: '0.0550', AUTHENTICATION: '0.0768', SERVICE: '0' },
  },
  EUR: {
    Germany: { MARKETING: '0.1131', UTILITY: '0.0456', AUTHENTICATION: '0.0637', SERVICE: '0' },
  },
};

const BRAZIL_UTILITY_TIERS = [
  { from: 0, to: 750000, rate: '0.0068', label: '0:750000' },
  { from: 750000, to: 15000000, rate: '0.0064', label: '750001:15000000' },
  { from: 15000000, to: null, rate: '0.0060', label: '15000001:MAX' },
];

export async function insertScenario(
  dataSource: DataSource,
  chargeWriter: ChargeWriter,
): Promise<void> {
  const created = new Date(T0);
  await dataSource
    .getRepository(PortfolioEntity)
    .insert({ id: 'pf-1', name: 'Acme', createdAt: created });
  await dataSource.getRepository(WabaEntity).insert(
    [
      { wabaId: 'waba-a', name: 'Acme Brasil', timezone: 'America/Sao_Paulo', currency: 'USD' },
      { wabaId: 'waba-b', name: null, timezone: 'Europe/Berlin', currency: 'EUR' },
    ].map((waba) => ({ ...waba, portfolioId: 'pf-1', createdAt: created, updatedAt: created })),
  );
  await dataSource.getRepository(PhoneNumberEntity).insert(
    (['pn-a1', 'pn-a2', 'pn-b1'] as const).map((phoneNumberId) => ({
      phoneNumberId,
      wabaId: WABAS[phoneNumberId].wabaId,
      createdAt: created,
      updatedAt: created,
    })),
  );
  await dataSource.getRepository(RateCardEntity).insert(
    [
      ['rc-usd-1', 'Meta USD 2026-01-01', 'USD', '2026-01-01'],
      ['rc-usd-2', 'Meta USD 2026-03-31', 'USD', '2026-03-31'],
      ['rc-eur-1', 'Meta EUR 2026-01-01', 'EUR', '2026-01-01'],
    ].map(([id, name, currency, effectiveFrom], index) => ({
      id,
      name,
      currency,
      effectiveFrom,
      importedSeq: 9001 + index,
      importedAt: created,
      builtIn: false,
      provenance: 'reports test fixture',
      data: {
        name,
        currency,
        effectiveFrom,
        rates: CARD_RATES[currency],
        tiers: currency === 'USD' ? { Brazil: { UTILITY: BRAZIL_UTILITY_TIERS } } : {},
        provenance: 'reports test fixture',
      },
    })),
  );
  const messages = dataSource.getRepository(MessageEntity);
  await messages.insert(SCENARIO_MESSAGES.map(toEntity));
  const ids = new Map(
    (
      await messages.find({
        select: { id: true, wamid: true },
        where: { wamid: In(SCENARIO_MESSAGES.map((spec) => spec.wamid)) },
      })
    ).map((message) => [message.wamid, message.id]),
  );
  await chargeWriter.write(
    SCENARIO_MESSAGES.map((spec): ChargeWrite => ({
      id: ids.get(spec.wamid) as number,
      charge: toCharge(spec),
      wabaId: WABAS[spec.phone].wabaId,
      portfolioId: 'pf-1',
      phoneNumberId: spec.phone,
      origin: spec.origin ?? 'CLOUD_API',
    })),
  );
}

/** The message as received, not yet charged (charge_month NULL). */
function toEntity(spec: MessageSpec): Partial<MessageEntity> {
  const waba = WABAS[spec.phone];
  const at = new Date(spec.at);
  const delivered = !['PENDING', 'NOT_DELIVERED', 'REJECTED_OUTSIDE_WINDOW'].includes(spec.reason);
  return {
    wamid: spec.wamid,
    phoneNumberId: spec.phone,
    wabaId: waba.wabaId,
    portfolioId: 'pf-1',
    direction: spec.direction ?? 'OUTBOUND',
    origin: spec.origin ?? 'CLOUD_API',
    contact:
      spec.country === 'IN'
        ? '919800000001'
        : spec.country === 'DE'
          ? '4915100000001'
          : '5511999990001',
    kind: spec.template ? 'TEMPLATE' : 'NON_TEMPLATE',
    templateName: spec.template ?? null,
    templateCategory: spec.template
      ? spec.category === 'UTILITY'
        ? 'UTILITY'
        : 'MARKETING'
      : null,
    sentAt: new Date(at.getTime() - 60_000),
    deliveredAt: delivered ? at : null,
    status:
      spec.direction === 'INBOUND'
        ? 'received'
        : delivered
          ? 'delivered'
          : spec.reason === 'PENDING'
            ? 'sent'
            : 'failed',
  };
}

function toCharge(spec: MessageSpec): Charge {
  const waba = WABAS[spec.phone];
  const at = new Date(spec.at);
  const day = localDay(at, waba.timezone);
  const billable = spec.billable ?? spec.reason === 'BILLED';
  const estimate = spec.estimate ?? {
    billable,
    reason: spec.reason,
    category: spec.category ?? null,
  };
  return {
    billable,
    reason: spec.reason,
    pricingCategory: spec.category ?? null,
    market: spec.market ?? null,
    country: spec.country ?? null,
    rateCardId: spec.card ?? null,
    tier: spec.tier ?? null,
    rate: spec.rate ?? null,
    amount: spec.reason === 'BILLED' ? (spec.rate as string) : '0',
    currency: waba.currency,
    source: spec.source ?? 'ESTIMATE',
    explanation: `${spec.reason.toLowerCase()} (fixture)`,
    estimateBillable: estimate.billable,
    estimateReason: estimate.reason,
    estimatePricingCategory: estimate.category,
    chargeAt: at,
    month: day.slice(0, 7),
    day,
    sequenceGroup: null,
    sequenceOrdinal: null,
  };
}

function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
