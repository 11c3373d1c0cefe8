import type {
  DeliveryState,
  Direction,
  MessageKind,
  MessageOrigin,
  SendApi,
  TemplateCategory,
} from '../../pricing/pricing.types';

/** The stored facts of a message, without its charge. */
export interface MessageFacts {
  wamid: string;
  phoneNumberId: string;
  wabaId: string;
  direction: Direction;
  origin: MessageOrigin;
  /**
   * The conversation's other side: the customer's phone number (digits), else their
   * business-scoped user id (BSUID) while no phone number is known; for a group message, the
   * group id.
   */
  contact: string;
  /** The customer's BSUID (for a group delivery: the participant's), when Meta gave one. */
  contactUserId: string | null;
  /** ISO 3166 alpha-2 from Meta's `contacts[].profile.country_code`. */
  contactCountry: string | null;
  /** The group of a Groups API message. */
  groupId: string | null;
  /** A group delivery's participant: phone number (digits), else BSUID. */
  participant: string | null;
  kind: MessageKind | null;
  messageType: string | null;
  templateName: string | null;
  templateLanguage: string | null;
  templateCategory: TemplateCategory | null;
  api: SendApi | null;
  referralSourceType: string | null;
  referralSourceId: string | null;
  ctwaClid: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  status: string;
  errorCode: number | null;
  metaBillable: boolean | null;
  metaPricingType: string | null;
  metaPricingCategory: string | null;
  metaPricingModel: string | null;
  metaPricingStatus: string | null;
  inSendLog: boolean;
}

/**
 * Who a fact names besides the phone number (`contact`, digits, '' when unknown): the BSUID, the
 * country code of the profile, and for group messages the group and the participant.
 */
export interface FactIdentity {
  userId?: string | null;
  country?: string | null;
  groupId?: string | null;
}

/** One thing learned about a message from one source. */
export type MessageFact = FactIdentity &
  (
    | {
        kind: 'inbound';
        origin: 'CLOUD_API' | 'HISTORY_IMPORT';
        contact: string;
        at: Date;
        messageType: string;
        referral: {
          sourceType: string | null;
          sourceId: string | null;
          ctwaClid: string | null;
        } | null;
      }
    | { kind: 'business_app'; contact: string; at: Date; messageType: string }
    | { kind: 'history_outbound'; contact: string; at: Date; messageType: string }
    | {
        kind: 'status';
        status: 'sent' | 'delivered' | 'read' | 'played' | 'failed';
        contact: string | null;
        at: Date;
        errorCode: number | null;
        pricing: {
          billable: boolean | null;
          type: string | null;
          category: string | null;
          model: string | null;
        } | null;
      }
    | {
        kind: 'send_log';
        contact: string;
        at: Date;
        templateName: string | null;
        templateLanguage: string | null;
        templateCategory: TemplateCategory | null;
        api: SendApi;
      }
  );

const STATUS_RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, played: 3 };

/**
 * Folds a fact into a message. Commutative and idempotent: the same facts in any order, any
 * number of times, give the same row (earliest timestamps win; delivered/read pricing outranks
 * the sent one).
 */
export function applyFact(
  existing: MessageFacts | null,
  key: { wamid: string; phoneNumberId: string; wabaId: string },
  fact: MessageFact,
): MessageFacts {
  const row: MessageFacts = existing ? { ...existing } : emptyFacts(key, fact);
  switch (fact.kind) {
    case 'inbound':
      row.direction = 'INBOUND';
      row.origin =
        existing?.origin === 'CLOUD_API' && existing.direction === 'INBOUND'
          ? 'CLOUD_API'
          : fact.origin;
      assignPerson(row, fact, true);
      row.sentAt = earliest(row.sentAt, fact.at);
      row.messageType = row.messageType ?? fact.messageType;
      if (fact.messageType !== 'media_placeholder' && row.messageType === 'media_placeholder') {
        row.messageType = fact.messageType;
      }
      if (fact.referral) {
        row.referralSourceType = fact.referral.sourceType;
        row.referralSourceId = fact.referral.sourceId;
        row.ctwaClid = fact.referral.ctwaClid;
      }
      break;
    case 'business_app':
      row.direction = 'OUTBOUND';
      row.origin = 'BUSINESS_APP';
      assignPerson(row, fact, true);
      row.sentAt = earliest(row.sentAt, fact.at);
      row.messageType = row.messageType ?? fact.messageType;
      break;
    case 'history_outbound':
      row.direction = 'OUTBOUND';
      if (row.origin !== 'BUSINESS_APP' && row.origin !== 'CLOUD_API')
        row.origin = 'HISTORY_IMPORT';
      if (!existing) row.origin = 'HISTORY_IMPORT';
      assignPerson(row, fact, false);
      row.sentAt = earliest(row.sentAt, fact.at);
      row.messageType = row.messageType ?? fact.messageType;
      break;
    case 'status':
      applyStatus(row, fact);
      break;
    case 'send_log':
      row.direction = 'OUTBOUND';
      row.origin = 'CLOUD_API';
      assignPerson(row, fact, true);
      row.sentAt = earliest(row.sentAt, fact.at);
      row.kind = fact.templateName ? 'TEMPLATE' : 'NON_TEMPLATE';
      row.templateName = fact.templateName;
      row.templateLanguage = fact.templateLanguage;
      row.templateCategory = fact.templateName
        ? (fact.templateCategory ?? row.templateCategory)
        : null;
      row.api = fact.api;
      row.inSendLog = true;
      break;
  }
  row.status = deriveStatus(row);
  return row;
}

/**
 * Records who the fact names. The person sits in `contact` (one-to-one) or `participant` (a group
 * delivery, whose `contact` is the group). A phone number always replaces a BSUID standing in for
 * it; between two phone numbers, `authoritative` facts (the customer's own message, the send
 * record) win and the others only fill a gap. BSUID and country keep the lowest value seen, so
 * that any order of the same facts gives the same row.
 */
function assignPerson(row: MessageFacts, fact: MessageFact, authoritative: boolean): void {
  const phone = 'contact' in fact && fact.contact !== null ? fact.contact : '';
  const previousUserId = row.contactUserId;
  if (fact.userId) row.contactUserId = lowest(row.contactUserId, fact.userId);
  if (fact.country) row.contactCountry = lowest(row.contactCountry, fact.country);
  if (fact.groupId) row.groupId = lowest(row.groupId, fact.groupId);
  if (row.groupId !== null) {
    // A group message's conversation is the group: any member's message opens its window.
    row.contact = row.groupId;
    row.participant = chosenPerson(row.participant, previousUserId, phone, row, authoritative);
    return;
  }
  row.contact = chosenPerson(row.contact, previousUserId, phone, row, authoritative) ?? '';
}

function chosenPerson(
  current: string | null,
  previousUserId: string | null,
  phone: string,
  row: MessageFacts,
  authoritative: boolean,
): string | null {
  const standIn = current === null || current === '' || current === previousUserId;
  if (phone !== '') return standIn || authoritative ? phone : current;
  return standIn ? (row.contactUserId ?? current) : current;
}

function lowest(current: string | null, incoming: string): string {
  return current === null || incoming < current ? incoming : current;
}

function applyStatus(row: MessageFacts, fact: Extract<MessageFact, { kind: 'status' }>): void {
  row.direction = 'OUTBOUND';
  if (row.origin !== 'BUSINESS_APP') row.origin = 'CLOUD_API';
  assignPerson(row, fact, false);
  switch (fact.status) {
    case 'sent':
      row.sentAt = earliest(row.sentAt, fact.at);
      break;
    case 'delivered':
      row.deliveredAt = earliest(row.deliveredAt, fact.at);
      break;
    case 'read':
    case 'played':
      // Meta sends only `read` when delivery and reading happen together.
      row.readAt = earliest(row.readAt, fact.at);
      row.deliveredAt = earliest(row.deliveredAt, fact.at);
      break;
    case 'failed':
      row.failedAt = earliest(row.failedAt, fact.at);
      if (fact.errorCode !== null && (row.errorCode === null || fact.errorCode < row.errorCode)) {
        row.errorCode = fact.errorCode;
      }
      break;
  }
  if (fact.pricing && fact.status !== 'failed') {
    const rank = STATUS_RANK[fact.status];
    const storedRank = row.metaPricingStatus ? STATUS_RANK[row.metaPricingStatus] : 0;
    const incoming = [
      fact.pricing.billable,
      fact.pricing.type,
      fact.pricing.category,
      fact.pricing.model,
    ];
    const stored = [
      row.metaBillable,
      row.metaPricingType,
      row.metaPricingCategory,
      row.metaPricingModel,
    ];
    if (
      rank > storedRank ||
      (rank === storedRank && JSON.stringify(incoming) > JSON.stringify(stored))
    ) {
      row.metaBillable = fact.pricing.billable;
      row.metaPricingType = fact.pricing.type;
      row.metaPricingCategory = fact.pricing.category;
      row.metaPricingModel = fact.pricing.model;
      row.metaPricingStatus = fact.status === 'played' ? 'read' : fact.status;
    }
  }
  if (!row.inSendLog) inferKindFromPricing(row);
  else if (row.kind === 'TEMPLATE' && row.templateCategory === null) inferTemplateCategory(row);
  // Without a send record, the earliest status stands for the send time (order-independent).
  row.sentAt = earliest(row.sentAt, fact.at);
}

/** A send record without a category takes the template category Meta's pricing reports. */
function inferTemplateCategory(row: MessageFacts): void {
  const category = row.metaPricingCategory?.toLowerCase() ?? '';
  if (category.startsWith('marketing')) row.templateCategory = 'MARKETING';
  else if (category === 'utility') row.templateCategory = 'UTILITY';
  else if (category.startsWith('authentication')) row.templateCategory = 'AUTHENTICATION';
}

/** Without a send record, Meta's pricing category says whether a template was used. */
function inferKindFromPricing(row: MessageFacts): void {
  const category = row.metaPricingCategory?.toLowerCase() ?? null;
  if (category === null) return;
  if (category === 'service') {
    row.kind = 'NON_TEMPLATE';
    row.templateCategory = null;
  } else if (category === 'marketing' || category === 'marketing_lite') {
    row.kind = 'TEMPLATE';
    row.templateCategory = 'MARKETING';
    row.api = category === 'marketing_lite' ? 'MM_LITE' : (row.api ?? 'CLOUD_API');
  } else if (category === 'utility') {
    row.kind = 'TEMPLATE';
    row.templateCategory = 'UTILITY';
  } else if (category.startsWith('authentication')) {
    row.kind = 'TEMPLATE';
    row.templateCategory = 'AUTHENTICATION';
  }
}

export function deliveryState(
  row: Pick<MessageFacts, 'deliveredAt' | 'readAt' | 'failedAt'>,
): DeliveryState {
  // A delivered or read status before or after a failure means one of the customer's devices got it.
  if (row.deliveredAt !== null || row.readAt !== null) return 'DELIVERED';
  return row.failedAt !== null ? 'FAILED' : 'PENDING';
}

export function deriveStatus(row: MessageFacts): string {
  if (row.direction === 'INBOUND') return 'received';
  if (row.readAt !== null) return 'read';
  if (row.deliveredAt !== null) return 'delivered';
  if (row.failedAt !== null) return 'failed';
  if (row.origin !== 'CLOUD_API' || row.sentAt !== null) return 'sent';
  return 'accepted';
}

function earliest(current: Date | null, incoming: Date): Date {
  return current === null || incoming.getTime() < current.getTime() ? incoming : current;
}

function emptyFacts(
  key: { wamid: string; phoneNumberId: string; wabaId: string },
  fact: MessageFact,
): MessageFacts {
  return {
    wamid: key.wamid,
    phoneNumberId: key.phoneNumberId,
    wabaId: key.wabaId,
    direction: fact.kind === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    origin: 'CLOUD_API',
    contact: '',
    contactUserId: null,
    contactCountry: null,
    groupId: null,
    participant: null,
    kind:
      fact.kind === 'inbound' || fact.kind === 'business_app' || fact.kind === 'history_outbound'
        ? 'NON_TEMPLATE'
        : null,
    messageType: null,
    templateName: null,
    templateLanguage: null,
    templateCategory: null,
    api: null,
    referralSourceType: null,
    referralSourceId: null,
    ctwaClid: null,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    status: 'accepted',
    errorCode: null,
    metaBillable: null,
    metaPricingType: null,
    metaPricingCategory: null,
    metaPricingModel: null,
    metaPricingStatus: null,
    inSendLog: false,
  };
}
