import type { Direction } from '../../pricing/pricing.types';
import type { ChangeContext } from './change-context.types';
import { parseMetaError, readOriginalWamid } from './parse-messages-value.util';
import {
  type JsonObject,
  PayloadProblem,
  itemsAt,
  parseEach,
  readNumber,
  readObject,
  readString,
  requireObject,
  requireString,
  requireTimestamp,
  WAMID_MAX_LENGTH,
} from './payload-reader.util';
import type {
  ContactSyncEvent,
  EchoEvent,
  HistoryChunkInfo,
  HistoryDeclinedEvent,
  HistoryMediaEvent,
  HistoryMessageEvent,
  WebhookEvent,
} from './webhook-event.types';

/** Field `smb_message_echoes`: messages the business sent from the WhatsApp Business app. */
export function parseEchoesValue(value: JsonObject, ctx: ChangeContext): EchoEvent[] {
  const { path, problems } = ctx;
  return parseEach(
    itemsAt(value, 'message_echoes', path, problems),
    `${path}.message_echoes`,
    problems,
    (echo, echoPath): EchoEvent => {
      const wamid = requireString(echo, 'id', echoPath, WAMID_MAX_LENGTH);
      const messageType = requireString(echo, 'type', echoPath);
      return {
        type: 'echo',
        ...ctx.source,
        wamid,
        from: requireString(echo, 'from', echoPath),
        to: requireString(echo, 'to', echoPath),
        toUserId: readString(echo, 'to_user_id'),
        timestamp: requireTimestamp(echo, 'timestamp', echoPath),
        messageType,
        originalWamid: readOriginalWamid(echo, messageType),
      };
    },
  );
}

/**
 * Field `history`: imported threads, the business declining the import, and the later media
 * webhook. That media webhook has a `messages[]` array like an inbound message but is history: it
 * must never open a customer-service window.
 */
export function parseHistoryValue(value: JsonObject, ctx: ChangeContext): WebhookEvent[] {
  const { path, problems } = ctx;
  const history = parseEach(
    itemsAt(value, 'history', path, problems),
    `${path}.history`,
    problems,
    (item, itemPath) => parseHistoryItem(item, itemPath, ctx),
  ).flat();
  const media = parseEach(
    itemsAt(value, 'messages', path, problems),
    `${path}.messages`,
    problems,
    (message, messagePath): HistoryMediaEvent => ({
      type: 'history_media',
      ...ctx.source,
      wamid: requireString(message, 'id', messagePath, WAMID_MAX_LENGTH),
      from: requireString(message, 'from', messagePath),
      timestamp: requireTimestamp(message, 'timestamp', messagePath),
      messageType: requireString(message, 'type', messagePath),
    }),
  );
  return [...history, ...media];
}

/** Field `smb_app_state_sync`: contacts added, edited or removed in the Business app. */
export function parseStateSyncValue(value: JsonObject, ctx: ChangeContext): ContactSyncEvent[] {
  const { path, problems } = ctx;
  return parseEach(
    itemsAt(value, 'state_sync', path, problems),
    `${path}.state_sync`,
    problems,
    (item, itemPath): ContactSyncEvent => {
      const type = requireString(item, 'type', itemPath);
      if (type !== 'contact') throw new PayloadProblem(`${itemPath}: unsupported type "${type}"`);
      const action = requireString(item, 'action', itemPath);
      if (action !== 'add' && action !== 'remove') {
        throw new PayloadProblem(`${itemPath}: unknown action "${action}"`);
      }
      const contact = requireObject(item, 'contact', itemPath);
      return {
        type: 'contact_sync',
        ...ctx.source,
        action,
        phoneNumber: requireString(contact, 'phone_number', `${itemPath}.contact`),
        fullName: readString(contact, 'full_name'),
        firstName: readString(contact, 'first_name'),
        timestamp: requireTimestamp(
          requireObject(item, 'metadata', itemPath),
          'timestamp',
          `${itemPath}.metadata`,
        ),
      };
    },
  );
}

function parseHistoryItem(
  item: JsonObject,
  path: string,
  ctx: ChangeContext,
): (HistoryMessageEvent | HistoryDeclinedEvent)[] {
  const { problems, source } = ctx;
  const metadata = readObject(item, 'metadata') ?? {};
  const chunk: HistoryChunkInfo = {
    phase: readNumber(metadata, 'phase'),
    chunkOrder: readNumber(metadata, 'chunk_order'),
    progress: readNumber(metadata, 'progress'),
  };
  const declined = parseEach(
    itemsAt(item, 'errors', path, problems),
    `${path}.errors`,
    problems,
    (error, errorPath): HistoryDeclinedEvent => ({
      type: 'history_declined',
      ...source,
      ...parseMetaError(error, errorPath),
    }),
  );
  const messages = parseEach(
    itemsAt(item, 'threads', path, problems),
    `${path}.threads`,
    problems,
    (thread, threadPath) => {
      const threadContact = requireString(thread, 'id', threadPath);
      return parseEach(
        itemsAt(thread, 'messages', threadPath, problems),
        `${threadPath}.messages`,
        problems,
        (message, messagePath): HistoryMessageEvent => {
          const from = requireString(message, 'from', messagePath);
          return {
            type: 'history_message',
            ...source,
            ...chunk,
            wamid: requireString(message, 'id', messagePath, WAMID_MAX_LENGTH),
            threadContact,
            from,
            to: readString(message, 'to'),
            direction: historyDirection(from, threadContact, source.displayPhoneNumber),
            timestamp: requireTimestamp(message, 'timestamp', messagePath),
            messageType: requireString(message, 'type', messagePath),
            historyStatus: readString(readObject(message, 'history_context') ?? {}, 'status'),
          };
        },
      );
    },
  ).flat();
  return [...declined, ...messages];
}

/** The thread id is the user's number: a message from it is the user's, anything else the business's. */
function historyDirection(
  from: string,
  threadContact: string,
  businessNumber: string | undefined,
): Direction {
  const fromUser =
    sameNumber(from, threadContact) &&
    (businessNumber === undefined || !sameNumber(from, businessNumber));
  return fromUser ? 'INBOUND' : 'OUTBOUND';
}

function sameNumber(a: string, b: string): boolean {
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}
