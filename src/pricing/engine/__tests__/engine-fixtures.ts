import { selectRateCard } from '../../rate-cards/select-rate-card.util';
import type { RateCardData } from '../../rate-cards/rate-card.types';
import { chargeMessages } from '../charge-messages';
import type {
  Charge,
  EngineAccount,
  EngineMessage,
  EngineRateCard,
  RateCardBook,
} from '../engine.types';

/** Shared, hand-made fixtures for the engine specs (not a spec itself). */

export const INDIA = '919876543210';
export const INDIA_2 = '919812345678';
export const US = '12125551234';
export const CANADA = '14165551234';
/** NANP area code 809: Dominican Republic → Rest of Latin America, which the card does not price. */
export const DOMINICAN = '18095551234';
/** NANP area code 242: Bahamas → Other. */
export const BAHAMAS = '12425551234';

export const INDIA_UTILITY_LADDER = [
  { from: 0, to: 1000, rate: '0.0014', label: '0:1000' },
  { from: 1000, to: null, rate: '0.001', label: '1001:MAX' },
];

export const TEST_CARD_DATA: RateCardData = {
  name: 'Test USD card',
  currency: 'USD',
  effectiveFrom: '2025-01-01',
  rates: {
    India: {
      MARKETING: '0.0107',
      UTILITY: '0.0014',
      AUTHENTICATION: '0.0014',
      AUTHENTICATION_INTERNATIONAL: '0.028',
    },
    'North America': { MARKETING: '0.025', UTILITY: '0.0034', AUTHENTICATION: '0.0034' },
  },
  tiers: { India: { UTILITY: INDIA_UTILITY_LADDER } },
  provenance: 'hand-made test card',
};

export const TEST_CARD: EngineRateCard = {
  id: 'card-usd-test',
  importedSeq: 1,
  data: TEST_CARD_DATA,
};

export function bookOf(cards: readonly EngineRateCard[] = [TEST_CARD]): RateCardBook {
  const entries = cards.map((card) => ({
    card,
    currency: card.data.currency,
    effectiveFrom: card.data.effectiveFrom,
    importedSeq: card.importedSeq,
  }));
  return {
    cardFor(currency: string, localDate: string): EngineRateCard | null {
      return selectRateCard(entries, currency, localDate)?.card ?? null;
    },
  };
}

export const BOOK = bookOf();

export function account(overrides: Partial<EngineAccount> = {}): EngineAccount {
  return {
    portfolioId: 'portfolio-1',
    wabaId: 'waba-1',
    timezone: 'UTC',
    currency: 'USD',
    primaryBusinessCountry: 'US',
    authInternationalStarts: [],
    freeServiceAllowance: 1000,
    ...overrides,
  };
}

let sequence = 0;

/** A wamid-like id, unique within the test run. */
export function wamid(label = 'msg'): string {
  sequence += 1;
  return `wamid.HBgM${label}${String(sequence).padStart(6, '0')}==`;
}

export function hoursAfter(base: string | Date, hours: number): Date {
  return new Date(new Date(base).getTime() + hours * 3_600_000);
}

export function msAfter(base: string | Date, ms: number): Date {
  return new Date(new Date(base).getTime() + ms);
}

/** A customer message (live Cloud API by default). */
export function inbound(at: Date | string, overrides: Partial<EngineMessage> = {}): EngineMessage {
  const sentAt = new Date(at);
  return {
    id: wamid('in'),
    phoneNumberId: 'phone-1',
    contact: INDIA,
    direction: 'INBOUND',
    origin: 'CLOUD_API',
    kind: 'NON_TEMPLATE',
    templateCategory: null,
    api: null,
    hasReferral: false,
    sentAt,
    deliveredAt: null,
    delivery: 'DELIVERED',
    metaPricing: null,
    ...overrides,
  };
}

/** A business message, delivered one second after it was sent unless overridden. */
export function outbound(at: Date | string, overrides: Partial<EngineMessage> = {}): EngineMessage {
  const sentAt = new Date(at);
  return {
    id: wamid('out'),
    phoneNumberId: 'phone-1',
    contact: INDIA,
    direction: 'OUTBOUND',
    origin: 'CLOUD_API',
    kind: 'NON_TEMPLATE',
    templateCategory: null,
    api: 'CLOUD_API',
    hasReferral: false,
    sentAt,
    deliveredAt: new Date(sentAt.getTime() + 1000),
    delivery: 'DELIVERED',
    metaPricing: null,
    ...overrides,
  };
}

export function template(
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION',
  at: Date | string,
  overrides: Partial<EngineMessage> = {},
): EngineMessage {
  return outbound(at, { kind: 'TEMPLATE', templateCategory: category, ...overrides });
}

export interface RunOptions {
  account?: EngineAccount;
  accounts?: Record<string, EngineAccount>;
  book?: RateCardBook;
  countedBefore?: (group: string) => number;
}

export function charge(messages: readonly EngineMessage[], options: RunOptions = {}) {
  const single = options.account ?? account();
  return chargeMessages({
    messages,
    accountOf: (phoneNumberId) => options.accounts?.[phoneNumberId] ?? single,
    rateCards: options.book ?? BOOK,
    countedBefore: options.countedBefore,
  });
}

/** The charge of the last message of a scenario. */
export function chargeOfLast(messages: readonly EngineMessage[], options: RunOptions = {}): Charge {
  const charges = charge(messages, options);
  const last = messages[messages.length - 1];
  const found = charges.get(last.id);
  if (!found) throw new Error(`no charge for ${last.id}`);
  return found;
}
