import type Decimal from 'decimal.js';
import { DomainError } from '../../common/errors/domain.error';
import { classifyMessage } from '../../pricing/engine/classify-message';
import type { EngineAccount, EngineMessage, RateCardBook } from '../../pricing/engine/engine.types';
import { priceVolume } from '../../pricing/engine/price-volume';
import { money, toDecimalString } from '../../pricing/money';
import type { PricingCategory } from '../../pricing/pricing.types';
import { regimeOn } from '../../pricing/regimes/regime';
import { ConversationWindows } from '../../pricing/windows/conversation-windows';
import type { NormalizedVolume } from '../simulation.types';
import type { LineAccumulator } from './line-accumulator.util';
import {
  recipientOfCountry,
  recipientOfMarket,
  type RepresentativeRecipient,
} from './representative-recipient.util';
import { monthsBetween, roundMessages, shareOf } from './simulation-math.util';
import { pricingDateOf } from './validate-scenario.util';

export interface VolumePricingOptions {
  growthPercent: Decimal | null;
  movedToAppPercent: Decimal | null;
  marketingInsideEntryPointPercent: Decimal | null;
  regimeDate: string | null;
  phoneNumbers: number;
  freeServiceAllowance: number;
}

export interface VolumePricingContext {
  book: RateCardBook;
  /** The simulated account; its currency selects cards in the book, its timezone is UTC. */
  account: EngineAccount;
  options: VolumePricingOptions;
}

export interface VolumePricingResult {
  assumptions: string[];
  rateCards: string[];
  /** Replies moved to the Business app by movedToAppPercent. */
  movedToAppMessages: number;
}

type Situation = 'OUTSIDE_WINDOWS' | 'SERVICE_WINDOW' | 'ENTRY_POINT';

interface Bucket {
  situation: Situation;
  origin: 'CLOUD_API' | 'BUSINESS_APP';
  count: number;
}

const HOUR = 3_600_000;
/**
 * A volume after growth: counters add up to 20,000 volumes, and their sums must stay exact
 * integers (below 2^53).
 */
export const MAX_GROWN_MESSAGES = 100_000_000_000;
const SIMULATED_PHONE = 'simulated-number';

/**
 * Prices explicit volumes with the engine. Each sub-bucket of a volume (outside any window,
 * inside a customer service window, inside a free entry point window, moved to the Business app)
 * is one representative message in a conversation that reproduces its situation, classified by
 * classifyMessage; its count is then priced with priceVolume at its running place in the
 * scenario's volume-tier or free-allowance counter.
 */
export function priceVolumes(
  volumes: readonly NormalizedVolume[],
  context: VolumePricingContext,
  lines: LineAccumulator,
): VolumePricingResult {
  const { options } = context;
  const assumptions = new Set<string>();
  const cards = new Set<string>();
  const counters = new Map<string, number>();
  const representatives = new Map<string, string>();
  const firstMonth = volumes.reduce(
    (first, volume) => (volume.month < first ? volume.month : first),
    volumes[0]?.month ?? '',
  );
  const allowance = options.phoneNumbers * options.freeServiceAllowance;
  let movedToApp = 0;
  let unpriced = 0;
  const ordered = [...volumes].sort((a, b) => a.month.localeCompare(b.month) || a.index - b.index);
  for (const volume of ordered) {
    const grown = grow(volume, firstMonth, options.growthPercent);
    const buckets = bucketsOf(grown, options);
    movedToApp += buckets
      .filter((bucket) => bucket.origin === 'BUSINESS_APP')
      .reduce((sum, bucket) => sum + bucket.count, 0);
    const date = pricingDateOf(volume.month, options.regimeDate);
    const recipient =
      volume.country !== null
        ? recipientOfCountry(volume.country, date)
        : recipientOfMarket(volume.market, date);
    if (recipient === null) {
      assumptions.add(
        `${volume.month}: ${volume.messages} ${volume.pricingCategory} message(s) to ${volume.country ?? volume.market} left out: no such market or country on ${date}.`,
      );
      continue;
    }
    if (volume.country === null) representatives.set(volume.market, recipient.country);
    const account = accountFor(volume.pricingCategory, recipient, context.account);
    for (const bucket of buckets) {
      if (bucket.count === 0) continue;
      const classification = classifyMessage(
        ...representative(volume.pricingCategory, bucket, recipient, date),
        account,
        context.book,
      );
      if (classification.card) cards.add(classification.card.data.name);
      const counterKey = classification.sequence
        ? `${classification.sequence.group}|${volume.month}`
        : null;
      const before = counterKey === null ? 0 : (counters.get(counterKey) ?? 0);
      const priced = priceVolume(classification, {
        firstOrdinal: before + 1,
        count: bucket.count,
        freeServiceAllowance: allowance,
      });
      if (counterKey !== null) counters.set(counterKey, before + bucket.count);
      for (const part of priced.parts) {
        if (part.reason === 'NO_RATE') {
          unpriced += part.quantity;
          assumptions.add(`Unpriced (NO_RATE), left out of the total: ${part.explanation}`);
        }
        if (
          volume.pricingCategory === 'AUTHENTICATION_INTERNATIONAL' &&
          part.pricingCategory === 'AUTHENTICATION'
        ) {
          assumptions.add(
            `${volume.month} ${volume.market}: authentication-international volume billed at the domestic rate: ${part.explanation}`,
          );
        }
        lines.add({
          month: volume.month,
          market: classification.market ?? volume.market,
          pricingCategory: part.pricingCategory ?? volume.pricingCategory,
          currency: classification.currency,
          reason: part.reason,
          billable: part.billable,
          tier: part.tier,
          rate: part.rate,
          quantity: part.quantity,
          amount: part.amount,
        });
      }
    }
  }
  lines.touchCurrency(context.account.currency);
  const general = describe(volumes, context, firstMonth, representatives, movedToApp, unpriced);
  return {
    assumptions: [...general, ...assumptions],
    rateCards: [...cards].sort(),
    movedToAppMessages: movedToApp,
  };
}

function grow(volume: NormalizedVolume, firstMonth: string, growth: Decimal | null) {
  if (growth === null || growth.isZero()) return volume;
  const factor = money('1')
    .plus(growth.dividedBy(100))
    .pow(monthsBetween(firstMonth, volume.month));
  const grown = factor.times(volume.messages);
  if (grown.greaterThan(MAX_GROWN_MESSAGES)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `growthPercent ${toDecimalString(growth)} from ${firstMonth} makes volume ${volume.index} (${volume.month}) more than ${MAX_GROWN_MESSAGES.toLocaleString('en-US')} messages: lower the growth or the months it compounds over`,
      [{ path: `volumes[${volume.index}]`, message: 'grows beyond the limit' }],
    );
  }
  const messages = roundMessages(grown);
  const insideEntryPoint = Math.min(messages, roundMessages(factor.times(volume.insideEntryPoint)));
  const insideServiceWindow = Math.min(
    messages - insideEntryPoint,
    roundMessages(factor.times(volume.insideServiceWindow)),
  );
  return { ...volume, messages, insideEntryPoint, insideServiceWindow };
}

function bucketsOf(volume: NormalizedVolume, options: VolumePricingOptions): Bucket[] {
  let outside = volume.messages - volume.insideServiceWindow - volume.insideEntryPoint;
  let serviceWindow = volume.insideServiceWindow;
  let entryPoint = volume.insideEntryPoint;
  const isMarketing =
    volume.pricingCategory === 'MARKETING' || volume.pricingCategory === 'MARKETING_LITE';
  if (isMarketing && options.marketingInsideEntryPointPercent !== null) {
    const moved = shareOf(outside + serviceWindow, options.marketingInsideEntryPointPercent);
    const fromOutside = Math.min(outside, moved);
    outside -= fromOutside;
    serviceWindow -= moved - fromOutside;
    entryPoint += moved;
  }
  let app = 0;
  if (volume.pricingCategory === 'SERVICE' && options.movedToAppPercent !== null) {
    app = shareOf(serviceWindow, options.movedToAppPercent);
    serviceWindow -= app;
  }
  return [
    { situation: 'OUTSIDE_WINDOWS', origin: 'CLOUD_API', count: outside },
    { situation: 'SERVICE_WINDOW', origin: 'CLOUD_API', count: serviceWindow },
    { situation: 'ENTRY_POINT', origin: 'CLOUD_API', count: entryPoint },
    { situation: 'SERVICE_WINDOW', origin: 'BUSINESS_APP', count: app },
  ];
}

/**
 * An authentication-international volume is sent by a WABA eligible in the recipient's country
 * (the scenario's own start date wins when it has one); the engine still decides, so a primary
 * business country or a card without the rate gives the domestic rate.
 */
function accountFor(
  category: PricingCategory,
  recipient: RepresentativeRecipient,
  base: EngineAccount,
): EngineAccount {
  if (category !== 'AUTHENTICATION_INTERNATIONAL') return base;
  if (base.authInternationalStarts.some((start) => start.country === recipient.country)) {
    return base;
  }
  return {
    ...base,
    authInternationalStarts: [
      ...base.authInternationalStarts,
      { country: recipient.country, startsAt: new Date(0) },
    ],
  };
}

/** The representative message of a bucket and the conversation that puts it in its situation. */
function representative(
  category: PricingCategory,
  bucket: Bucket,
  recipient: RepresentativeRecipient,
  date: string,
): [EngineMessage, ConversationWindows] {
  const at = new Date(`${date}T12:00:00Z`);
  const message: EngineMessage = {
    id: `simulated.${category}.${bucket.situation}.${bucket.origin}`,
    phoneNumberId: SIMULATED_PHONE,
    contact: recipient.contact,
    direction: 'OUTBOUND',
    origin: bucket.origin,
    kind: category === 'SERVICE' ? 'NON_TEMPLATE' : 'TEMPLATE',
    templateCategory: templateCategoryOf(category),
    api:
      bucket.origin === 'BUSINESS_APP'
        ? null
        : category === 'MARKETING_LITE'
          ? 'MM_LITE'
          : 'CLOUD_API',
    hasReferral: false,
    sentAt: at,
    deliveredAt: at,
    delivery: 'DELIVERED',
    metaPricing: null,
  };
  const conversation: EngineMessage[] = [];
  if (bucket.situation !== 'OUTSIDE_WINDOWS') {
    // A customer message an hour before opens the service window; with a referral, the
    // representative message is the business's first Cloud API reply and opens the entry point.
    conversation.push({
      ...message,
      id: `simulated.customer.${bucket.situation}`,
      direction: 'INBOUND',
      origin: 'CLOUD_API',
      kind: 'NON_TEMPLATE',
      templateCategory: null,
      api: null,
      hasReferral: bucket.situation === 'ENTRY_POINT',
      sentAt: new Date(at.getTime() - HOUR),
      deliveredAt: null,
    });
  }
  conversation.push(message);
  return [message, new ConversationWindows(conversation)];
}

function templateCategoryOf(category: PricingCategory): EngineMessage['templateCategory'] {
  switch (category) {
    case 'MARKETING':
    case 'MARKETING_LITE':
    case 'GROUP_MARKETING':
      return 'MARKETING';
    case 'UTILITY':
    case 'GROUP_UTILITY':
      return 'UTILITY';
    case 'AUTHENTICATION':
    case 'AUTHENTICATION_INTERNATIONAL':
      return 'AUTHENTICATION';
    case 'SERVICE':
    case 'GROUP_SERVICE':
      return null;
  }
}

function describe(
  volumes: readonly NormalizedVolume[],
  context: VolumePricingContext,
  firstMonth: string,
  representatives: Map<string, string>,
  movedToApp: number,
  unpriced: number,
): string[] {
  const { options } = context;
  const notes: string[] = [];
  notes.push(
    options.regimeDate === null
      ? "Each volume is priced as delivered on its month's first day at 12:00 UTC: the regime, the market map and the rate card in force that day apply; volume-tier counters and free allowances run per month."
      : `regimeDate ${options.regimeDate}: every volume is priced as delivered on ${options.regimeDate} at 12:00 UTC (${regimeOn(options.regimeDate).description}, the market map and the card in force that day); volume-tier counters and free allowances still run per volume month.`,
  );
  notes.push(
    'Within a month, volumes take their places in the volume-tier and free-allowance counters in the order given (per volume: outside windows, inside the service window, inside entry points).',
  );
  if (representatives.size > 0) {
    notes.push(
      `Market volumes are sent to the market's representative country: ${[...representatives]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([market, country]) => `${market} → ${country}`)
        .join(', ')}.`,
    );
  }
  if (volumes.some((volume) => volume.pricingCategory === 'SERVICE')) {
    notes.push(
      'SERVICE volumes are non-template replies; without insideServiceWindow they are all inside a customer service window (outside one Meta refuses them: REJECTED_OUTSIDE_WINDOW).',
    );
    notes.push(
      `From 2026-10-01 the free service allowance is ${options.freeServiceAllowance} replies per phone number per month (unconfirmed by Meta) × ${options.phoneNumbers} number(s) = ${options.phoneNumbers * options.freeServiceAllowance} per month, pooled.`,
    );
  }
  if (volumes.some((volume) => volume.pricingCategory === 'AUTHENTICATION_INTERNATIONAL')) {
    notes.push(
      'AUTHENTICATION_INTERNATIONAL volumes are authentication templates from a WABA eligible for authentication-international in the recipient country (unless authInternationalStarts says when); the engine decides the rate.',
    );
  }
  if (options.growthPercent !== null && !options.growthPercent.isZero()) {
    notes.push(
      `growthPercent ${toDecimalString(options.growthPercent)}: a volume i months after ${firstMonth} is multiplied by (1 + ${toDecimalString(options.growthPercent)}/100)^i, compounded, and rounded half-up to whole messages; its window counts likewise (capped at its messages).`,
    );
  }
  if (options.movedToAppPercent !== null) {
    notes.push(
      `movedToAppPercent ${toDecimalString(options.movedToAppPercent)}: that share (rounded half-up per volume) of the Cloud API non-template replies inside the service window is sent from the WhatsApp Business app instead (FREE_BUSINESS_APP); ${movedToApp} replies moved. They leave the free-allowance counter from its end, so the saving is the billed amount of the replies removed.`,
    );
  }
  if (options.marketingInsideEntryPointPercent !== null) {
    notes.push(
      `marketingInsideEntryPointPercent ${toDecimalString(options.marketingInsideEntryPointPercent)}: that share (rounded half-up per volume) of the marketing messages not already inside an entry point window is sent inside one instead (FREE_ENTRY_POINT), taken from the messages outside windows first.`,
    );
  }
  if (unpriced > 0) {
    notes.push(
      `${unpriced} message(s) have no rate in the card in force (NO_RATE): counted as billable but not priced.`,
    );
  }
  return notes;
}
