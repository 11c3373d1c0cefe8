import type { ChangeContext } from './change-context.types';
import {
  parseEchoesValue,
  parseHistoryValue,
  parseStateSyncValue,
} from './parse-coexistence-value.util';
import { parseMessagesValue } from './parse-messages-value.util';
import { parseAccountUpdateValue, parseTemplateCategoryUpdateValue } from './parse-waba-value.util';
import {
  FIELD_LIMITS,
  type JsonObject,
  PayloadProblem,
  isJsonObject,
  itemsAt,
  parseEach,
  readObject,
  readId,
  readString,
  requireId,
  requireString,
} from './payload-reader.util';

/** phone_numbers.display_phone_number. */
const DISPLAY_PHONE_LENGTH = 32;
import type { ParseResult, WebhookEvent, WebhookEventSource } from './webhook-event.types';
import { WebhookFormatError } from './webhook-format.error';

type ValueParser = (value: JsonObject, ctx: ChangeContext) => WebhookEvent[];

const VALUE_PARSERS: ReadonlyMap<string, ValueParser> = new Map<string, ValueParser>([
  ['messages', parseMessagesValue],
  ['smb_message_echoes', parseEchoesValue],
  ['history', parseHistoryValue],
  ['smb_app_state_sync', parseStateSyncValue],
  ['account_update', parseAccountUpdateValue],
  ['template_category_update', parseTemplateCategoryUpdateValue],
]);

/**
 * Turns a JSON-parsed Meta webhook body into normalized events. Throws WebhookFormatError only
 * when the body is not a WhatsApp Business Account webhook; a malformed entry, change or item is
 * reported in `problems` and skipped without losing the others.
 */
export function parseWebhookBody(body: unknown): ParseResult {
  if (!isJsonObject(body)) throw new WebhookFormatError('Webhook body must be a JSON object');
  if (body.object !== 'whatsapp_business_account') {
    throw new WebhookFormatError(
      `Webhook body "object" must be "whatsapp_business_account", got ${JSON.stringify(body.object) ?? 'nothing'}`,
    );
  }
  if (!Array.isArray(body.entry)) {
    throw new WebhookFormatError('Webhook body "entry" must be an array');
  }
  const problems: string[] = [];
  const events = parseEach(body.entry, 'entry', problems, (entry, entryPath) => {
    const wabaId = requireId(entry, 'id', entryPath, FIELD_LIMITS.accountId);
    return parseEach(
      itemsAt(entry, 'changes', entryPath, problems),
      `${entryPath}.changes`,
      problems,
      (change, changePath) =>
        parseChange(change, changePath, { wabaId, entry, entryPath, problems }),
    ).flat();
  }).flat();
  return { events, problems };
}

interface EntryContext {
  wabaId: string;
  entry: JsonObject;
  entryPath: string;
  problems: string[];
}

function parseChange(change: JsonObject, path: string, ctx: EntryContext): WebhookEvent[] {
  const field = requireString(change, 'field', path);
  const valuePath = `${path}.value`;
  const value = change.value;
  const metadata = isJsonObject(value) ? (readObject(value, 'metadata') ?? {}) : {};
  const source: WebhookEventSource = {
    wabaId: ctx.wabaId,
    phoneNumberId: readId(
      metadata,
      'phone_number_id',
      `${valuePath}.metadata`,
      FIELD_LIMITS.accountId,
    ),
    displayPhoneNumber: readString(metadata, 'display_phone_number', DISPLAY_PHONE_LENGTH),
  };
  const parseValue = VALUE_PARSERS.get(field);
  if (parseValue === undefined) return [{ type: 'unsupported', ...source, field }];
  if (!isJsonObject(value)) throw new PayloadProblem(`${valuePath}: expected an object`);
  const { entry, entryPath, problems } = ctx;
  return parseValue(value, { source, entry, entryPath, path: valuePath, problems });
}
