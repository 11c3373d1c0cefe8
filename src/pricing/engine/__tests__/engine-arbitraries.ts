import fc from 'fast-check';
import type { DeliveryState } from '../../pricing.types';
import type { EngineAccount, EngineMessage } from '../engine.types';
import type { RateCardData } from '../../rate-cards/rate-card.types';
import { account, bookOf, DOMINICAN, INDIA, TEST_CARD_DATA, US } from './engine-fixtures';

/** fast-check generators of small conversations for the engine property specs. */

export const MESSAGE_TYPES = [
  'inbound',
  'inbound_referral',
  'history_inbound',
  'history_outbound',
  'echo',
  'non_template',
  'marketing',
  'marketing_lite',
  'utility',
  'authentication',
] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface MessageSpec {
  phoneNumberId: string;
  contact: string;
  type: MessageType;
  /** Minutes after the previous message of the generated list (the timeline is cumulative). */
  gapMinutes: number;
  delivery: DeliveryState;
  deliveryDelaySeconds: number;
}

/** Bases chosen so that generated traffic crosses a regime boundary or a month boundary. */
export const BASES = [
  '2026-08-10T00:00:00Z',
  '2026-09-29T00:00:00Z',
  '2026-11-10T00:00:00Z',
  '2026-11-29T12:00:00Z',
] as const;

/** The test card with short ladders, so that 30 messages cross tier bands. */
export const PROPERTY_CARD_DATA: RateCardData = {
  ...TEST_CARD_DATA,
  name: 'Property USD card',
  tiers: {
    India: {
      UTILITY: [
        { from: 0, to: 3, rate: '0.0014', label: '0:3' },
        { from: 3, to: null, rate: '0.001', label: '4:MAX' },
      ],
      AUTHENTICATION: [
        { from: 0, to: 2, rate: '0.0014', label: '0:2' },
        { from: 2, to: 5, rate: '0.0012', label: '3:5' },
        { from: 5, to: null, rate: '0.00115', label: '6:MAX' },
      ],
    },
    'North America': {
      UTILITY: [
        { from: 0, to: 2, rate: '0.0034', label: '0:2' },
        { from: 2, to: null, rate: '0.003', label: '3:MAX' },
      ],
    },
  },
};

export const PROPERTY_BOOK = bookOf([
  { id: 'card-usd-property', importedSeq: 1, data: PROPERTY_CARD_DATA },
]);

export const PROPERTY_ACCOUNTS: Record<string, EngineAccount> = {
  'phone-1': account({ wabaId: 'waba-1', timezone: 'UTC', freeServiceAllowance: 2 }),
  'phone-2': account({
    wabaId: 'waba-2',
    timezone: 'America/Sao_Paulo',
    freeServiceAllowance: 1,
  }),
};

export const messageSpecArb: fc.Arbitrary<MessageSpec> = fc.record({
  phoneNumberId: fc.constantFrom('phone-1', 'phone-1', 'phone-2'),
  contact: fc.constantFrom(INDIA, INDIA, US, DOMINICAN),
  type: fc.constantFrom(...MESSAGE_TYPES, 'inbound', 'non_template', 'utility'),
  // mostly short gaps (conversations), sometimes long ones (windows close, days and months pass)
  gapMinutes: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 180 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 * 60 }) },
  ),
  delivery: fc.constantFrom<DeliveryState>(
    'DELIVERED',
    'DELIVERED',
    'DELIVERED',
    'DELIVERED',
    'FAILED',
    'PENDING',
  ),
  deliveryDelaySeconds: fc.integer({ min: 0, max: 600 }),
});

export function toEngineMessage(spec: MessageSpec, sentAt: Date, index: number): EngineMessage {
  const isInbound =
    spec.type === 'inbound' || spec.type === 'inbound_referral' || spec.type === 'history_inbound';
  const isTemplate = ['marketing', 'marketing_lite', 'utility', 'authentication'].includes(
    spec.type,
  );
  const origin =
    spec.type === 'echo'
      ? 'BUSINESS_APP'
      : spec.type === 'history_inbound' || spec.type === 'history_outbound'
        ? 'HISTORY_IMPORT'
        : 'CLOUD_API';
  const delivery: DeliveryState = isInbound || origin !== 'CLOUD_API' ? 'DELIVERED' : spec.delivery;
  return {
    id: `wamid.HBgLprop${String(index).padStart(4, '0')}`,
    phoneNumberId: spec.phoneNumberId,
    contact: spec.contact,
    direction: isInbound ? 'INBOUND' : 'OUTBOUND',
    origin,
    kind: isTemplate ? 'TEMPLATE' : 'NON_TEMPLATE',
    templateCategory:
      spec.type === 'marketing' || spec.type === 'marketing_lite'
        ? 'MARKETING'
        : spec.type === 'utility'
          ? 'UTILITY'
          : spec.type === 'authentication'
            ? 'AUTHENTICATION'
            : null,
    api:
      spec.type === 'marketing_lite'
        ? 'MM_LITE'
        : origin === 'CLOUD_API' && !isInbound
          ? 'CLOUD_API'
          : null,
    hasReferral: spec.type === 'inbound_referral',
    sentAt,
    deliveredAt:
      isInbound || delivery !== 'DELIVERED'
        ? null
        : new Date(sentAt.getTime() + spec.deliveryDelaySeconds * 1000),
    delivery,
    metaPricing: null,
  };
}

/** 1–30 messages over a few days, across 3 contacts and 2 numbers of one portfolio. */
export const conversationArb: fc.Arbitrary<EngineMessage[]> = fc
  .tuple(
    fc.constantFrom(...BASES),
    fc.array(messageSpecArb, { minLength: 1, maxLength: 30, size: 'max' }),
  )
  .map(([base, specs]) => {
    let at = new Date(base).getTime();
    return specs.map((spec, index) => {
      at += spec.gapMinutes * 60_000;
      return toEngineMessage(spec, new Date(at), index);
    });
  });
