import type { Direction } from '../../pricing/pricing.types';

/** Where the event came from: the WABA (entry.id) and, when the change carries metadata, the number. */
export interface WebhookEventSource {
  wabaId: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
}

export interface MetaError {
  code: number;
  title?: string;
  message?: string;
  details?: string;
}

export interface Referral {
  sourceType?: string;
  sourceId?: string;
  sourceUrl?: string;
  /** Left out by Meta for ads shown in WhatsApp Status. */
  ctwaClid?: string;
}

/**
 * Who a customer is: the phone number (wa_id) and, since usernames, the business-scoped user id
 * (BSUID) and the country code of `contacts[].profile`. Meta leaves the phone number out (an
 * empty string) for a user with a username whose number the business has not messaged lately.
 */
export interface CustomerIdentity {
  phone?: string;
  userId?: string;
  /** ISO 3166 alpha-2, from `contacts[].profile.country_code`. */
  country?: string;
}

export interface InboundMessageEvent extends WebhookEventSource {
  type: 'inbound_message';
  wamid: string;
  /** The sender's phone number; absent for a user known only by a BSUID. */
  from?: string;
  timestamp: Date;
  messageType: string;
  referral?: Referral;
  contactName?: string;
  contactUserId?: string;
  contactCountry?: string;
  /** Set when the customer wrote in a group (Groups API). */
  groupId?: string;
  /** Set for user edits and deletes (messageType 'edit' / 'revoke'). */
  originalWamid?: string;
  /** Only on messages of type 'unsupported'. */
  errors?: MetaError[];
}

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Meta's raw strings; see normalizeMetaPricingCategory for the category. */
export interface StatusPricing {
  billable?: boolean;
  pricingModel?: string;
  type?: string;
  category?: string;
}

export interface StatusConversation {
  id: string;
  expirationTimestamp?: Date;
  originType?: string;
}

export interface StatusEvent extends WebhookEventSource {
  type: 'status';
  wamid: string;
  status: MessageStatus;
  timestamp: Date;
  /** Absent when the message was sent to a BSUID; recipientUserId is set instead. */
  recipientId?: string;
  recipientUserId?: string;
  /** 'group' for group sends, where recipientId is the group id. */
  recipientType?: string;
  /** A group send's status for one participant: who it was delivered to. */
  participant?: CustomerIdentity;
  /**
   * What the status itself names the participant by (`recipient_participant_id`, else the
   * participant's BSUID): the same for every status of one delivery.
   */
  participantKey?: string;
  /** The recipient as the change's `contacts[]` describe them (phone, BSUID, country). */
  contact?: CustomerIdentity;
  pricing?: StatusPricing;
  conversation?: StatusConversation;
  errors?: MetaError[];
  bizOpaqueCallbackData?: string;
}

/** A message the business typed in the WhatsApp Business app (free, opens no window). */
export interface EchoEvent extends WebhookEventSource {
  type: 'echo';
  wamid: string;
  from: string;
  to: string;
  toUserId?: string;
  timestamp: Date;
  messageType: string;
  originalWamid?: string;
}

export interface HistoryChunkInfo {
  phase?: number;
  chunkOrder?: number;
  progress?: number;
}

export interface HistoryMessageEvent extends WebhookEventSource, HistoryChunkInfo {
  type: 'history_message';
  wamid: string;
  /** The thread id: the user's number. */
  threadContact: string;
  from: string;
  to?: string;
  direction: Direction;
  /** Device timestamp, not the webhook time. */
  timestamp: Date;
  messageType: string;
  historyStatus?: string;
}

/** Media follow-up of a history sync: looks like an inbound message but must not open a window. */
export interface HistoryMediaEvent extends WebhookEventSource {
  type: 'history_media';
  wamid: string;
  from: string;
  timestamp: Date;
  messageType: string;
}

export interface HistoryDeclinedEvent extends WebhookEventSource {
  type: 'history_declined';
  code: number;
  title?: string;
  message?: string;
  details?: string;
}

export interface ContactSyncEvent extends WebhookEventSource {
  type: 'contact_sync';
  action: 'add' | 'remove';
  phoneNumber: string;
  fullName?: string;
  firstName?: string;
  timestamp: Date;
}

export interface VolumeTierInfo {
  tierUpdateTime: Date;
  pricingCategory: string;
  tier: string;
  effectiveMonth: string;
  region: string;
}

export interface DisconnectionInfo {
  reason?: string;
  initiatedBy?: string;
}

export interface AuthInternationalRateEligibility {
  /** Start time for every auth-international country without an exception. */
  startTime?: Date;
  exceptionCountries: { countryCode: string; startTime: Date }[];
}

export interface AccountUpdateEvent extends WebhookEventSource {
  type: 'account_update';
  event: string;
  time: Date;
  volumeTierInfo?: VolumeTierInfo;
  disconnectionInfo?: DisconnectionInfo;
  authInternationalRateEligibility?: AuthInternationalRateEligibility;
  /** ISO 3166-1 alpha-2. */
  primaryBusinessLocationCountry?: string;
  raw: Record<string, unknown>;
}

/**
 * Categories are Meta's raw upper-case strings. In the warning form (isWarning), sent 24 hours
 * ahead, newCategory is the template's CURRENT category and correctCategory the one it will get at
 * categoryUpdateTime; in the confirmation form newCategory is the category now in force.
 */
export interface TemplateCategoryUpdateEvent extends WebhookEventSource {
  type: 'template_category_update';
  templateId: string;
  templateName: string;
  templateLanguage: string;
  newCategory: string;
  previousCategory?: string;
  correctCategory?: string;
  categoryUpdateTime: Date;
  isWarning: boolean;
}

export interface ErrorsEvent extends WebhookEventSource {
  type: 'errors';
  errors: MetaError[];
}

export interface UnsupportedEvent extends WebhookEventSource {
  type: 'unsupported';
  field: string;
}

export type WebhookEvent =
  | InboundMessageEvent
  | StatusEvent
  | EchoEvent
  | HistoryMessageEvent
  | HistoryMediaEvent
  | HistoryDeclinedEvent
  | ContactSyncEvent
  | AccountUpdateEvent
  | TemplateCategoryUpdateEvent
  | ErrorsEvent
  | UnsupportedEvent;

export interface ParseResult {
  events: WebhookEvent[];
  /** One line per skipped item: "<path>: <reason>". */
  problems: string[];
}
