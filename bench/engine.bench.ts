import { chargeMessages } from '../src/pricing/engine/charge-messages';
import type {
  EngineAccount,
  EngineMessage,
  RateCardBook,
} from '../src/pricing/engine/engine.types';
import { BUILT_IN_RATE_CARDS } from '../src/pricing/rate-cards/built-in-rate-cards';
import { selectRateCard } from '../src/pricing/rate-cards/select-rate-card.util';
import { trackPeakMemory } from './bench-environment';
import { BENCH_PHONES } from './traffic-generator';

const ACCOUNT: EngineAccount = {
  portfolioId: 'bench',
  wabaId: 'bench',
  timezone: 'America/Sao_Paulo',
  currency: 'USD',
  primaryBusinessCountry: 'BR',
  authInternationalStarts: [],
  freeServiceAllowance: 1000,
};
const PREFIXES = ['1212', '51987', '52155', '1809', '34612', '91987', '55119', '44770'];

/** The pure engine on `count` generated messages of one month (conversations of 5 messages). */
export function runEngineBench(count: number): Record<string, string | number> {
  const cards = BUILT_IN_RATE_CARDS.map((data, index) => ({
    id: `card-${index}`,
    importedSeq: index,
    currency: data.currency,
    effectiveFrom: data.effectiveFrom,
    data,
  }));
  const book: RateCardBook = { cardFor: (currency, date) => selectRateCard(cards, currency, date) };
  const messages: EngineMessage[] = [];
  const start = Date.parse('2026-11-01T03:00:00Z');
  for (let index = 0; messages.length < count; index += 1) {
    const contact = `${PREFIXES[index % PREFIXES.length]}${String(1_000_000 + index).slice(-7)}`;
    const at = start + ((index * 7919) % (27 * 86_400_000));
    const base = {
      phoneNumberId: BENCH_PHONES[index % BENCH_PHONES.length],
      contact,
      api: 'CLOUD_API' as const,
      hasReferral: false,
      metaPricing: null,
    };
    const outbound = (
      suffix: string,
      offset: number,
      kind: 'TEMPLATE' | 'NON_TEMPLATE',
      category: 'MARKETING' | 'UTILITY' | null,
    ): EngineMessage => ({
      ...base,
      id: `w.${index}.${suffix}`,
      direction: 'OUTBOUND',
      origin: 'CLOUD_API',
      kind,
      templateCategory: category,
      sentAt: new Date(at + offset),
      deliveredAt: new Date(at + offset + 1000),
      delivery: 'DELIVERED',
    });
    messages.push(
      {
        ...base,
        id: `w.${index}.in`,
        direction: 'INBOUND',
        origin: 'CLOUD_API',
        kind: 'NON_TEMPLATE',
        templateCategory: null,
        sentAt: new Date(at),
        deliveredAt: null,
        delivery: 'DELIVERED',
      },
      outbound('mkt', -3_600_000, 'TEMPLATE', 'MARKETING'),
      outbound('svc', 60_000, 'NON_TEMPLATE', null),
      outbound('utl', 120_000, 'TEMPLATE', 'UTILITY'),
      outbound('utl2', 30 * 3_600_000, 'TEMPLATE', 'UTILITY'),
    );
  }
  messages.length = count;
  const memory = trackPeakMemory();
  const started = process.hrtime.bigint();
  const charges = chargeMessages({ messages, accountOf: () => ACCOUNT, rateCards: book });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    'engine: messages': charges.size,
    'engine: seconds': seconds.toFixed(2),
    'engine: messages/s': Math.round(charges.size / seconds),
    'engine: peak RSS MB': memory.stop(),
  };
}
