import type { ChangeContext } from './change-context.types';
import {
  FIELD_LIMITS,
  type JsonObject,
  PayloadProblem,
  isJsonObject,
  itemsAt,
  parseEach,
  parseOptional,
  readBoolean,
  readId,
  readObject,
  readString,
  readTimestamp,
  requireId,
  requireNumber,
  requireString,
  requireTimestamp,
} from './payload-reader.util';
import {
  MESSAGE_STATUSES,
  type CustomerIdentity,
  type ErrorsEvent,
  type InboundMessageEvent,
  type MessageStatus,
  type MetaError,
  type Referral,
  type StatusConversation,
  type StatusEvent,
  type WebhookEvent,
} from './webhook-event.types';

/** Lengths of the message columns these fields are stored in. */
export const MESSAGE_TYPE_LENGTH = 32;
const REFERRAL_SOURCE_TYPE_LENGTH = 16;
const REFERRAL_SOURCE_ID_LENGTH = 128;
const PRICING_MODEL_LENGTH = 8;
const PRICING_VALUE_LENGTH = 48;

/** Field `messages`: inbound user messages, statuses of API sends, and value-level errors. */
export function parseMessagesValue(value: JsonObject, ctx: ChangeContext): WebhookEvent[] {
  const { path, problems, source } = ctx;
  const contacts = itemsAt(value, 'contacts', path, problems).filter(isJsonObject);
  const inbound = parseEach(
    itemsAt(value, 'messages', path, problems),
    `${path}.messages`,
    problems,
    (message, messagePath) => parseInboundMessage(message, messagePath, contacts, ctx),
  );
  const statuses = parseEach(
    itemsAt(value, 'statuses', path, problems),
    `${path}.statuses`,
    problems,
    (status, statusPath) => parseStatus(status, statusPath, contacts, ctx),
  );
  const errors = parseEach(
    itemsAt(value, 'errors', path, problems),
    `${path}.errors`,
    problems,
    parseMetaError,
  );
  const errorsEvent: ErrorsEvent[] =
    errors.length > 0 ? [{ type: 'errors', ...source, errors }] : [];
  return [...inbound, ...statuses, ...errorsEvent];
}

const MAX_ERROR_CODE = 2_147_483_647;

export function parseMetaError(error: JsonObject, path: string): MetaError {
  const code = requireNumber(error, 'code', path);
  if (!Number.isInteger(code) || Math.abs(code) > MAX_ERROR_CODE) {
    throw new PayloadProblem(`${path}: code must be a whole number`);
  }
  return {
    code,
    title: readString(error, 'title'),
    message: readString(error, 'message'),
    details: readString(readObject(error, 'error_data') ?? {}, 'details'),
  };
}

/** For 'edit' and 'revoke' messages, the wamid of the message being edited or deleted. */
export function readOriginalWamid(message: JsonObject, messageType: string): string | undefined {
  if (messageType !== 'edit' && messageType !== 'revoke') return undefined;
  return readString(
    readObject(message, messageType) ?? {},
    'original_message_id',
    FIELD_LIMITS.wamid,
  );
}

function parseInboundMessage(
  message: JsonObject,
  path: string,
  contacts: JsonObject[],
  ctx: ChangeContext,
): InboundMessageEvent {
  const wamid = requireId(message, 'id', path, FIELD_LIMITS.wamid);
  const messageType = requireString(message, 'type', path, MESSAGE_TYPE_LENGTH);
  const identity = customerIdentity(
    contacts,
    readId(message, 'from', path, FIELD_LIMITS.person),
    readId(message, 'from_user_id', path, FIELD_LIMITS.person) ??
      readId(message, 'from_parent_user_id', path, FIELD_LIMITS.person),
  );
  if (identity.phone === undefined && identity.userId === undefined) {
    throw new PayloadProblem(`${path}: missing from (and from_user_id)`);
  }
  const contact = matchingContact(contacts, identity);
  return {
    type: 'inbound_message',
    ...ctx.source,
    wamid,
    from: identity.phone,
    timestamp: requireTimestamp(message, 'timestamp', path),
    messageType,
    referral: parseOptional(message, 'referral', path, ctx.problems, parseReferral),
    contactName: contact && readString(readObject(contact, 'profile') ?? {}, 'name'),
    contactUserId: identity.userId,
    contactCountry: identity.country,
    groupId: readId(message, 'group_id', path, FIELD_LIMITS.person),
    originalWamid: readOriginalWamid(message, messageType),
    errors: parseOptionalErrors(message, path, ctx.problems),
  };
}

/** The `contacts[]` entry naming the phone number or the BSUID. */
function matchingContact(
  contacts: JsonObject[],
  identity: { phone?: string; userId?: string },
): JsonObject | undefined {
  const userId = identity.userId;
  const phone = identity.phone === undefined ? undefined : digitsOf(identity.phone);
  return contacts.find(
    (candidate) =>
      (userId !== undefined && contactUserId(candidate) === userId) ||
      (phone !== undefined && digitsOf(contactPhone(candidate) ?? '') === phone),
  );
}

/** A contact's BSUID; one that could not be stored is left out (the contact entry is advisory). */
function contactUserId(contact: JsonObject): string | undefined {
  const value = readString(contact, 'user_id') ?? readString(contact, 'parent_user_id');
  return value !== undefined && value.length < FIELD_LIMITS.person ? value : undefined;
}

/** A contact's phone number; one that could not be stored is left out. */
function contactPhone(contact: JsonObject): string | undefined {
  const value = readString(contact, 'wa_id');
  return value !== undefined && value.length < FIELD_LIMITS.person ? value : undefined;
}

/**
 * A customer's identity from what a message or status names, completed from the matching
 * `contacts[]` entry (Meta puts the phone number, BSUID and country code there). With one
 * contact in the change and nothing named, that contact is the customer.
 */
export function customerIdentity(
  contacts: JsonObject[],
  phone: string | undefined,
  userId: string | undefined,
): CustomerIdentity {
  const named = phone !== undefined || userId !== undefined;
  const contact = named
    ? matchingContact(contacts, { phone, userId })
    : contacts.length === 1
      ? contacts[0]
      : undefined;
  const profile = contact === undefined ? undefined : readObject(contact, 'profile');
  const country = profile === undefined ? undefined : readString(profile, 'country_code');
  return {
    phone: phone ?? (contact === undefined ? undefined : contactPhone(contact)),
    userId: userId ?? (contact === undefined ? undefined : contactUserId(contact)),
    country: country === undefined ? undefined : normalizeCountryCode(country),
  };
}

/** ISO 3166 alpha-2 upper case; anything else Meta might send there is kept out. */
function normalizeCountryCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : undefined;
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

function parseReferral(referral: JsonObject): Referral {
  return {
    sourceType: readString(referral, 'source_type', REFERRAL_SOURCE_TYPE_LENGTH),
    sourceId: readString(referral, 'source_id', REFERRAL_SOURCE_ID_LENGTH),
    sourceUrl: readString(referral, 'source_url', FIELD_LIMITS.longText),
    ctwaClid: readString(referral, 'ctwa_clid', FIELD_LIMITS.longText),
  };
}

function parseStatus(
  status: JsonObject,
  path: string,
  contacts: JsonObject[],
  ctx: ChangeContext,
): StatusEvent {
  const wamid = requireId(status, 'id', path, FIELD_LIMITS.wamid);
  const value = requireString(status, 'status', path);
  if (!isMessageStatus(value)) throw new PayloadProblem(`${path}: unknown status "${value}"`);
  // Meta's aggregated group example nests `pricing` in `conversation`.
  const pricing =
    readObject(status, 'pricing') ??
    readObject(readObject(status, 'conversation') ?? {}, 'pricing');
  const recipientType = readString(status, 'recipient_type');
  const recipientId = readId(status, 'recipient_id', path, FIELD_LIMITS.person);
  const recipientUserId = readId(status, 'recipient_user_id', path, FIELD_LIMITS.person);
  const group = recipientType === 'group';
  const participantPhone = readId(status, 'recipient_participant_id', path, FIELD_LIMITS.person);
  const participantUserId =
    readId(status, 'recipient_participant_user_id', path, FIELD_LIMITS.person) ??
    readId(status, 'recipient_participant_parent_user_id', path, FIELD_LIMITS.person);
  const participant =
    group && (participantPhone !== undefined || participantUserId !== undefined)
      ? customerIdentity(contacts, participantPhone, participantUserId)
      : undefined;
  return {
    type: 'status',
    ...ctx.source,
    wamid,
    status: value,
    timestamp: requireTimestamp(status, 'timestamp', path),
    recipientId,
    recipientUserId,
    recipientType,
    participant,
    participantKey:
      participant === undefined
        ? undefined
        : participantPhone !== undefined && digitsOf(participantPhone) !== ''
          ? digitsOf(participantPhone)
          : participantUserId,
    contact: group ? undefined : customerIdentity(contacts, recipientId, recipientUserId),
    pricing: pricing && {
      billable: readBoolean(pricing, 'billable'),
      pricingModel: readString(pricing, 'pricing_model', PRICING_MODEL_LENGTH),
      type: readString(pricing, 'type', PRICING_VALUE_LENGTH),
      category: readString(pricing, 'category', PRICING_VALUE_LENGTH),
    },
    conversation: parseOptional(status, 'conversation', path, ctx.problems, parseConversation),
    errors: parseOptionalErrors(status, path, ctx.problems),
    bizOpaqueCallbackData: readString(status, 'biz_opaque_callback_data', FIELD_LIMITS.longText),
  };
}

function parseConversation(conversation: JsonObject, path: string): StatusConversation {
  return {
    id: requireString(conversation, 'id', path),
    expirationTimestamp: readTimestamp(conversation, 'expiration_timestamp', path),
    originType: readString(readObject(conversation, 'origin') ?? {}, 'type'),
  };
}

function parseOptionalErrors(
  obj: JsonObject,
  path: string,
  problems: string[],
): MetaError[] | undefined {
  if (obj.errors === undefined) return undefined;
  return parseEach(
    itemsAt(obj, 'errors', path, problems),
    `${path}.errors`,
    problems,
    parseMetaError,
  );
}

function isMessageStatus(value: string): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly string[]).includes(value);
}
