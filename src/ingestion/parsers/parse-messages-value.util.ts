import type { ChangeContext } from './change-context.types';
import {
  type JsonObject,
  PayloadProblem,
  isJsonObject,
  itemsAt,
  parseEach,
  parseOptional,
  readBoolean,
  readObject,
  readString,
  readTimestamp,
  requireNumber,
  requireString,
  requireTimestamp,
  WAMID_MAX_LENGTH,
} from './payload-reader.util';
import {
  MESSAGE_STATUSES,
  type ErrorsEvent,
  type InboundMessageEvent,
  type MessageStatus,
  type MetaError,
  type Referral,
  type StatusConversation,
  type StatusEvent,
  type WebhookEvent,
} from './webhook-event.types';

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
    (status, statusPath) => parseStatus(status, statusPath, ctx),
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

export function parseMetaError(error: JsonObject, path: string): MetaError {
  return {
    code: requireNumber(error, 'code', path),
    title: readString(error, 'title'),
    message: readString(error, 'message'),
    details: readString(readObject(error, 'error_data') ?? {}, 'details'),
  };
}

/** For 'edit' and 'revoke' messages, the wamid of the message being edited or deleted. */
export function readOriginalWamid(message: JsonObject, messageType: string): string | undefined {
  if (messageType !== 'edit' && messageType !== 'revoke') return undefined;
  return readString(readObject(message, messageType) ?? {}, 'original_message_id');
}

function parseInboundMessage(
  message: JsonObject,
  path: string,
  contacts: JsonObject[],
  ctx: ChangeContext,
): InboundMessageEvent {
  const wamid = requireString(message, 'id', path, WAMID_MAX_LENGTH);
  const from = requireString(message, 'from', path);
  const messageType = requireString(message, 'type', path);
  const fromUserId = readString(message, 'from_user_id');
  const contact = contacts.find(
    (candidate) =>
      readString(candidate, 'wa_id') === from ||
      (fromUserId !== undefined && readString(candidate, 'user_id') === fromUserId),
  );
  return {
    type: 'inbound_message',
    ...ctx.source,
    wamid,
    from,
    timestamp: requireTimestamp(message, 'timestamp', path),
    messageType,
    referral: parseOptional(message, 'referral', path, ctx.problems, parseReferral),
    contactName: contact && readString(readObject(contact, 'profile') ?? {}, 'name'),
    contactUserId: (contact && readString(contact, 'user_id')) ?? fromUserId,
    originalWamid: readOriginalWamid(message, messageType),
    errors: parseOptionalErrors(message, path, ctx.problems),
  };
}

function parseReferral(referral: JsonObject): Referral {
  return {
    sourceType: readString(referral, 'source_type'),
    sourceId: readString(referral, 'source_id'),
    sourceUrl: readString(referral, 'source_url'),
    ctwaClid: readString(referral, 'ctwa_clid'),
  };
}

function parseStatus(status: JsonObject, path: string, ctx: ChangeContext): StatusEvent {
  const wamid = requireString(status, 'id', path, WAMID_MAX_LENGTH);
  const value = requireString(status, 'status', path);
  if (!isMessageStatus(value)) throw new PayloadProblem(`${path}: unknown status "${value}"`);
  const pricing = readObject(status, 'pricing');
  return {
    type: 'status',
    ...ctx.source,
    wamid,
    status: value,
    timestamp: requireTimestamp(status, 'timestamp', path),
    recipientId: readString(status, 'recipient_id'),
    recipientUserId: readString(status, 'recipient_user_id'),
    recipientType: readString(status, 'recipient_type'),
    pricing: pricing && {
      billable: readBoolean(pricing, 'billable'),
      pricingModel: readString(pricing, 'pricing_model'),
      type: readString(pricing, 'type'),
      category: readString(pricing, 'category'),
    },
    conversation: parseOptional(status, 'conversation', path, ctx.problems, parseConversation),
    errors: parseOptionalErrors(status, path, ctx.problems),
    bizOpaqueCallbackData: readString(status, 'biz_opaque_callback_data'),
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
