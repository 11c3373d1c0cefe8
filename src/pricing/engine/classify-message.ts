import { marketOfCountry } from '../markets/market-map';
import { resolveRecipient, type RecipientInfo } from '../markets/resolve-recipient.util';
import type { PricingCategory, RateColumn, TierFamily } from '../pricing.types';
import { rateFor } from '../rate-cards/rate-card-lookup.util';
import { REGIMES, regimeOn, type Regime } from '../regimes/regime';
import { localDate, startOfLocalDate } from '../time/local-time.util';
import type { ConversationWindows } from '../windows/conversation-windows';
import type {
  Classification,
  Decision,
  EngineAccount,
  EngineMessage,
  EngineRateCard,
  MetaPricingVerdict,
  RateCardBook,
} from './engine.types';

/**
 * Decides everything about a message except its place in the volume-tier or free-allowance
 * counters (see price-classified.ts): docs/charging-rules.md, "The rules, top to bottom", first
 * match wins.
 */
export function classifyMessage(
  message: EngineMessage,
  windows: ConversationWindows,
  account: EngineAccount,
  rateCards: RateCardBook,
): Classification {
  const chargeAt =
    message.delivery === 'DELIVERED' && message.deliveredAt ? message.deliveredAt : message.sentAt;
  const local = localDate(chargeAt, account.timezone);
  const regime = regimeOn(local.date);
  const recipient = recipientInfo(message, local.date);
  const card = rateCards.cardFor(account.currency, local.date);
  const context: DecisionContext = {
    message,
    windows,
    account,
    regime,
    card,
    market: recipient === NO_RECIPIENT ? null : recipient.market,
    country: recipient.country,
    chargeAt,
  };
  const estimate = withRate(estimateDecision(context), context);
  const meta = message.delivery === 'DELIVERED' ? metaDecision(message.metaPricing, context) : null;
  const final = meta ?? estimate;
  return {
    messageId: message.id,
    chargeAt,
    localDate: local.date,
    month: local.month,
    market: message.direction === 'OUTBOUND' ? context.market : null,
    country: message.direction === 'OUTBOUND' ? recipient.country : null,
    recipientProblem: recipient.valid ? null : (recipient.problem ?? 'unparseable phone number'),
    card,
    currency: account.currency,
    estimate,
    meta,
    sequence: sequenceOf(final, context, local.month),
  };
}

interface DecisionContext {
  message: EngineMessage;
  windows: ConversationWindows;
  account: EngineAccount;
  regime: Regime;
  card: EngineRateCard | null;
  /** null when neither a phone number nor a country code tells the recipient's market. */
  market: string | null;
  country: string | null;
  chargeAt: Date;
}

const NO_RECIPIENT: RecipientInfo = {
  valid: false,
  callingCode: null,
  country: null,
  market: 'Other',
  problem: 'Meta named neither a phone number nor a country code for this customer',
};

/**
 * The recipient's market: from the phone number (a group delivery's participant), else from the
 * country code Meta gives with a business-scoped user id when the phone number is hidden.
 */
function recipientInfo(message: EngineMessage, date: string): RecipientInfo {
  const phone = message.recipient === undefined ? message.contact : message.recipient.phone;
  if (phone !== null && phone !== '') return resolveRecipient(phone, date);
  const country = message.recipient?.country ?? null;
  if (country === null) return NO_RECIPIENT;
  return { valid: true, callingCode: null, country, market: marketOfCountry(country, date) };
}

const PER_MESSAGE_START = REGIMES.find((regime) => regime.id === 'PER_MESSAGE')!.from;
const pricingSwitches = new Map<string, Date>();

/** 12am on the first day of per-message pricing in a timezone. */
function perMessagePricingStart(timeZone: string): Date {
  let start = pricingSwitches.get(timeZone);
  if (start === undefined) {
    start = startOfLocalDate(PER_MESSAGE_START, timeZone);
    pricingSwitches.set(timeZone, start);
  }
  return start;
}

const CBP_CONVERSATION_NOTE =
  'a utility template inside a utility conversation opened before 2025-07-01 under conversation-based pricing, which stays free until it closes';

/** Meta: utility templates sent after the switch while such a conversation is open are free. */
function insideCbpUtilityConversation(context: DecisionContext): boolean {
  const { message, regime, windows, account } = context;
  if (regime.id !== 'PER_MESSAGE') return false;
  return windows.utilityConversationOpenAt(
    message.sentAt,
    perMessagePricingStart(account.timezone),
  );
}

function free(reason: Decision['reason'], note: string, category: PricingCategory | null = null) {
  return decision(reason, false, category, null, null, note);
}

function decision(
  reason: Decision['reason'],
  billable: boolean,
  pricingCategory: PricingCategory | null,
  column: RateColumn | null,
  tierFamily: TierFamily | null,
  note: string,
  allowance = false,
): Decision {
  return { reason, billable, pricingCategory, column, tierFamily, allowance, note };
}

function estimateDecision(context: DecisionContext): Decision {
  const { message, windows, regime } = context;
  if (message.direction === 'INBOUND') {
    return message.origin === 'HISTORY_IMPORT'
      ? free(
          'FREE_HISTORY_IMPORT',
          'a customer message imported with the Business app chat history',
        )
      : free(
          'FREE_INBOUND',
          'a message from the customer; it opens a 24-hour customer service window',
        );
  }
  if (message.origin === 'BUSINESS_APP') {
    return free('FREE_BUSINESS_APP', 'sent from the WhatsApp Business app, which is free');
  }
  if (message.origin === 'HISTORY_IMPORT') {
    return free('FREE_HISTORY_IMPORT', 'a business message imported with the Business app history');
  }
  if (message.delivery === 'FAILED') {
    return free('NOT_DELIVERED', 'never delivered, and Meta charges only delivered messages');
  }
  if (message.delivery === 'PENDING') {
    return free('PENDING', 'sent but not yet delivered; it is charged only once delivered');
  }
  const inServiceWindow = windows.serviceWindowOpenAt(message.sentAt);
  const isTemplate = message.kind === 'TEMPLATE';
  if (!isTemplate && !inServiceWindow) {
    return free(
      'REJECTED_OUTSIDE_WINDOW',
      'a non-template message outside any customer service window; Meta refuses it (error 131047)',
    );
  }
  if (windows.entryPointOpenAt(message.sentAt)) {
    return free(
      'FREE_ENTRY_POINT',
      'sent inside a 72-hour free entry point window opened by a reply to an ad or Page referral',
      isTemplate ? templatePricingCategory(message) : 'SERVICE',
    );
  }
  if (regime.id === 'CONVERSATION_BASED') {
    return decision(
      'NO_RATE',
      isTemplate,
      isTemplate ? templatePricingCategory(message) : 'SERVICE',
      null,
      null,
      'delivered before 2025-07-01, under conversation-based pricing, which this estimator does not price',
    );
  }
  if (message.groupId) return groupDecision(context, inServiceWindow);
  if (!isTemplate) {
    if (!regime.chargesService) {
      return free(
        'FREE_CUSTOMER_SERVICE_WINDOW',
        'a non-template reply inside the customer service window, free until 2026-09-30',
        'SERVICE',
      );
    }
    return decision(
      'BILLED',
      true,
      'SERVICE',
      'SERVICE',
      null,
      'a non-template reply inside the customer service window, charged from 2026-10-01 after the monthly free allowance',
      true,
    );
  }
  switch (message.templateCategory) {
    case 'MARKETING':
      return message.api === 'MM_LITE'
        ? decision(
            'BILLED',
            true,
            'MARKETING_LITE',
            'MARKETING',
            null,
            'a marketing template sent through the Marketing Messages API',
          )
        : decision('BILLED', true, 'MARKETING', 'MARKETING', null, 'a marketing template');
    case 'UTILITY':
      if (insideCbpUtilityConversation(context)) {
        return free('FREE_CBP_CONVERSATION', CBP_CONVERSATION_NOTE, 'UTILITY');
      }
      if (inServiceWindow && !regime.chargesInWindowUtility) {
        return free(
          'FREE_CUSTOMER_SERVICE_WINDOW',
          'a utility template inside the customer service window, free until 2026-09-30',
          'UTILITY',
        );
      }
      return decision(
        'BILLED',
        true,
        'UTILITY',
        'UTILITY',
        'UTILITY',
        inServiceWindow
          ? 'a utility template inside the customer service window, charged from 2026-10-01'
          : 'a utility template outside any customer service window',
      );
    case 'AUTHENTICATION':
      return authenticationDecision(context);
    case null:
      return decision(
        'NO_RATE',
        true,
        null,
        null,
        null,
        'a template whose category is unknown: record it with recordSentMessages to price it',
      );
  }
}

/**
 * A Groups API delivery (Meta's Groups pricing page): billed per participant reached at that
 * participant's market rate, marketing always; utility and non-template messages free inside the
 * group's customer service window (any member's message opens it for the whole group), and
 * utility without volume tiers outside it. Meta's Groups page states no change for 2026-10-01.
 */
function groupDecision(context: DecisionContext, inServiceWindow: boolean): Decision {
  const { message } = context;
  if (message.kind !== 'TEMPLATE') {
    return free(
      'FREE_CUSTOMER_SERVICE_WINDOW',
      "a non-template message to a group, free inside the group's customer service window",
      'GROUP_SERVICE',
    );
  }
  switch (message.templateCategory) {
    case 'MARKETING':
      return decision(
        'BILLED',
        true,
        'GROUP_MARKETING',
        'MARKETING',
        null,
        'a marketing template delivered to a group participant; Meta bills each participant reached',
      );
    case 'UTILITY':
      return inServiceWindow
        ? free(
            'FREE_CUSTOMER_SERVICE_WINDOW',
            "a utility template inside the group's customer service window",
            'GROUP_UTILITY',
          )
        : decision(
            'BILLED',
            true,
            'GROUP_UTILITY',
            'UTILITY',
            null,
            "a utility template delivered to a group participant outside the group's customer service window; group utility has no volume tiers",
          );
    case 'AUTHENTICATION':
      return authenticationDecision(context);
    case null:
      return decision(
        'NO_RATE',
        true,
        null,
        null,
        null,
        'a group template whose category is unknown: Meta did not report one',
      );
  }
}

export function templatePricingCategory(message: EngineMessage): PricingCategory | null {
  switch (message.templateCategory) {
    case 'MARKETING':
      return message.api === 'MM_LITE' ? 'MARKETING_LITE' : 'MARKETING';
    case 'UTILITY':
      return 'UTILITY';
    case 'AUTHENTICATION':
      return 'AUTHENTICATION';
    case null:
      return null;
  }
}

function authenticationDecision(context: DecisionContext): Decision {
  const { account, country, card, market, chargeAt } = context;
  const hasInternationalRate =
    card !== null &&
    market !== null &&
    rateFor(card.data, market, 'AUTHENTICATION_INTERNATIONAL') !== null;
  const start = account.authInternationalStarts.find((entry) => entry.country === country);
  const eligible = start !== undefined && start.startsAt.getTime() <= chargeAt.getTime();
  const domestic =
    account.primaryBusinessCountry !== null && account.primaryBusinessCountry === country;
  if (country !== null && hasInternationalRate && eligible && !domestic) {
    return decision(
      'BILLED',
      true,
      'AUTHENTICATION_INTERNATIONAL',
      'AUTHENTICATION_INTERNATIONAL',
      'AUTHENTICATION',
      `an authentication template to ${country}, where the WABA is billed the authentication-international rate since ${start.startsAt.toISOString()} and which is not its primary business country`,
    );
  }
  const why = !hasInternationalRate
    ? 'the market has no authentication-international rate'
    : !eligible
      ? `the WABA has no authentication-international start in ${country ?? 'this country'} on or before delivery`
      : 'it is the primary business country';
  return decision(
    'BILLED',
    true,
    'AUTHENTICATION',
    'AUTHENTICATION',
    'AUTHENTICATION',
    `an authentication template at the domestic rate (${why})`,
  );
}

const META_CATEGORIES: Record<string, PricingCategory> = {
  group_marketing: 'GROUP_MARKETING',
  group_utility: 'GROUP_UTILITY',
  group_service: 'GROUP_SERVICE',
  marketing: 'MARKETING',
  marketing_lite: 'MARKETING_LITE',
  utility: 'UTILITY',
  authentication: 'AUTHENTICATION',
  authentication_international: 'AUTHENTICATION_INTERNATIONAL',
  'authentication-international': 'AUTHENTICATION_INTERNATIONAL',
  service: 'SERVICE',
};

export const COLUMN_BY_CATEGORY: Record<PricingCategory, RateColumn> = {
  MARKETING: 'MARKETING',
  MARKETING_LITE: 'MARKETING',
  UTILITY: 'UTILITY',
  AUTHENTICATION: 'AUTHENTICATION',
  AUTHENTICATION_INTERNATIONAL: 'AUTHENTICATION_INTERNATIONAL',
  SERVICE: 'SERVICE',
  GROUP_MARKETING: 'MARKETING',
  GROUP_UTILITY: 'UTILITY',
  GROUP_SERVICE: 'SERVICE',
};

export const FAMILY_BY_CATEGORY: Record<PricingCategory, TierFamily | null> = {
  MARKETING: null,
  MARKETING_LITE: null,
  UTILITY: 'UTILITY',
  AUTHENTICATION: 'AUTHENTICATION',
  AUTHENTICATION_INTERNATIONAL: 'AUTHENTICATION',
  SERVICE: null,
  GROUP_MARKETING: null,
  GROUP_UTILITY: null,
  GROUP_SERVICE: null,
};

/** Meta's `pricing` object decides billability and category; the engine still supplies the rate. */
function metaDecision(
  verdict: MetaPricingVerdict | null,
  context: DecisionContext,
): Decision | null {
  if (verdict === null) return null;
  const rawCategory = verdict.category?.toLowerCase() ?? null;
  const type = verdict.type?.toLowerCase() ?? null;
  if (type === 'free_entry_point' || rawCategory === 'referral_conversion') {
    return free('FREE_ENTRY_POINT', 'Meta reported it free: sent inside a free entry point window');
  }
  const category =
    rawCategory !== null && Object.hasOwn(META_CATEGORIES, rawCategory)
      ? META_CATEGORIES[rawCategory]
      : null;
  const billable = type === null ? verdict.billable : type === 'regular';
  if (billable === null || (billable && category === null)) return null;
  if (!billable && verdict.model?.toUpperCase() === 'CBP' && context.regime.id === 'PER_MESSAGE') {
    return free(
      'FREE_CBP_CONVERSATION',
      'Meta reported it free, inside a conversation opened under conversation-based pricing',
      category,
    );
  }
  if (!billable && type === 'free_group_customer_service') {
    return free(
      'FREE_CUSTOMER_SERVICE_WINDOW',
      "Meta reported it free, inside the group's customer service window",
      category,
    );
  }
  if (!billable) {
    return context.regime.chargesService
      ? free('FREE_TIER', "Meta reported it free, within the number's monthly free tier", category)
      : free(
          'FREE_CUSTOMER_SERVICE_WINDOW',
          'Meta reported it free, inside the customer service window',
          category,
        );
  }
  const billedCategory = category as PricingCategory;
  return decision(
    'BILLED',
    true,
    billedCategory,
    COLUMN_BY_CATEGORY[billedCategory],
    FAMILY_BY_CATEGORY[billedCategory],
    `Meta reported it billable as ${rawCategory}`,
  );
}

/** A billed decision without a rate in the card in force becomes NO_RATE, never a silent zero. */
function withRate(decided: Decision, context: DecisionContext): Decision {
  if (decided.reason !== 'BILLED' || decided.column === null || decided.allowance) return decided;
  if (
    context.card !== null &&
    context.market !== null &&
    columnRate(context.card, context.market, decided.column) !== null
  ) {
    return decided;
  }
  return {
    ...decided,
    reason: 'NO_RATE',
    note: `${decided.note}; ${noRateNote(decided, context)}`,
  };
}

export function columnRate(
  card: EngineRateCard,
  market: string,
  column: RateColumn,
): string | null {
  const rate = rateFor(card.data, market, column);
  // Meta bills service messages at the market's utility rate when the card has no service column.
  return rate ?? (column === 'SERVICE' ? rateFor(card.data, market, 'UTILITY') : null);
}

export function noRateNote(
  decided: Decision,
  context: { card: EngineRateCard | null; market: string | null; account: EngineAccount },
): string {
  if (context.market === null) return "the recipient's market is unknown";
  return context.card === null
    ? `no ${context.account.currency} rate card is in force on that date`
    : `the card "${context.card.data.name}" has no ${decided.column?.toLowerCase() ?? ''} rate for ${context.market}`;
}

/** The reasons of service messages that take a place in the monthly free allowance. */
export const ALLOWANCE_REASONS: ReadonlySet<Decision['reason']> = new Set<Decision['reason']>([
  'BILLED',
  'FREE_TIER',
  'NO_RATE',
]);

function sequenceOf(
  final: Decision,
  context: DecisionContext,
  month: string,
): Classification['sequence'] {
  if (
    final.pricingCategory === 'SERVICE' &&
    context.regime.chargesService &&
    ALLOWANCE_REASONS.has(final.reason)
  ) {
    return { kind: 'ALLOWANCE', group: `A|${context.message.phoneNumberId}|${month}` };
  }
  if (final.billable && final.tierFamily !== null && context.market !== null) {
    return {
      kind: 'TIER',
      group: `T|${context.account.portfolioId}|${context.market}|${final.tierFamily}|${month}`,
    };
  }
  return null;
}
