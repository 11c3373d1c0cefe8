import { deliveryState } from '../../messages/utils/message-facts';
import type { EngineMessage } from '../../pricing/engine/engine.types';
import type { TemplateCategory } from '../../pricing/pricing.types';
import type { TemplateCategoryBook } from '../services/template-category-book.service';

const HOUR = 60 * 60 * 1000;
/** How far back a message's charge can depend on others: 24 h to reply to a referral + 72 h. */
export const CHARGE_CONTEXT_MS = 96 * HOUR;
/** Timezones reach UTC±14h: a UTC month widened by this covers every WABA's local month. */
export const TIMEZONE_MARGIN_MS = 14 * HOUR;

/** The stored facts of a message that the engine reads, as SQL returns them. */
export interface MessageFactsRow {
  id: number | string;
  wamid: string;
  phone_number_id: string;
  waba_id: string;
  direction: string;
  origin: string;
  contact: string;
  contact_user_id: string | null;
  contact_country: string | null;
  group_id: string | null;
  participant: string | null;
  kind: string | null;
  template_name: string | null;
  template_language: string | null;
  template_category: string | null;
  api: string | null;
  referral_source_type: string | null;
  sent_at: string | number | null;
  delivered_at: string | number | null;
  read_at: string | number | null;
  failed_at: string | number | null;
  meta_billable: boolean | number | null;
  meta_pricing_type: string | null;
  meta_pricing_category: string | null;
  meta_pricing_model: string | null;
}

export const MESSAGE_FACTS_COLUMNS =
  'id, wamid, phone_number_id, waba_id, direction, origin, contact, contact_user_id, contact_country, group_id, participant, kind, template_name, template_language, template_category, api, referral_source_type, sent_at, delivered_at, read_at, failed_at, meta_billable, meta_pricing_type, meta_pricing_category, meta_pricing_model';

export function toMillis(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** Builds the engine's view of a stored message: the one place rows become engine messages. */
export function toEngineMessage(
  row: MessageFactsRow,
  templateCategories: Pick<TemplateCategoryBook, 'categoryAt'>,
): EngineMessage {
  const sentAt = new Date(
    toMillis(row.sent_at) ?? toMillis(row.delivered_at) ?? toMillis(row.failed_at) ?? 0,
  );
  const deliveredAt = toMillis(row.delivered_at);
  const readAt = toMillis(row.read_at);
  const failedAt = toMillis(row.failed_at);
  const deliveredOrRead = deliveredAt ?? readAt;
  const hasMeta =
    row.meta_pricing_type !== null ||
    row.meta_pricing_category !== null ||
    row.meta_billable !== null;
  return {
    id: sequenceKey(row.wamid, Number(row.id)),
    phoneNumberId: row.phone_number_id,
    contact: row.contact,
    recipient: recipientOf(row),
    groupId: row.group_id,
    direction: row.direction as EngineMessage['direction'],
    origin: row.origin as EngineMessage['origin'],
    kind: row.kind as EngineMessage['kind'],
    templateCategory: templateCategories.categoryAt(
      row.waba_id,
      row.template_name,
      row.template_language,
      sentAt,
      row.template_category as TemplateCategory | null,
    ),
    api: row.api as EngineMessage['api'],
    hasReferral: row.referral_source_type !== null,
    sentAt,
    // Meta sends only `read` when delivery and reading happen together.
    deliveredAt: deliveredOrRead === null ? null : new Date(deliveredOrRead),
    delivery: deliveryState({
      deliveredAt: deliveredAt === null ? null : new Date(deliveredAt),
      readAt: readAt === null ? null : new Date(readAt),
      failedAt: failedAt === null ? null : new Date(failedAt),
    }),
    metaPricing: hasMeta
      ? {
          billable: row.meta_billable === null ? null : Boolean(row.meta_billable),
          type: row.meta_pricing_type,
          category: row.meta_pricing_category,
          model: row.meta_pricing_model,
        }
      : null,
  };
}

/**
 * Whom a message reaches, for its market: the phone number (a group delivery's participant), or
 * the country code Meta gave with a BSUID when no phone number is known.
 */
function recipientOf(row: MessageFactsRow): EngineMessage['recipient'] {
  const person = row.group_id === null ? row.contact : row.participant;
  if (person === null || person === '' || person === row.contact_user_id) {
    return { phone: null, country: row.contact_country };
  }
  return { phone: person, country: row.contact_country };
}

/**
 * The engine message id: it orders messages delivered at the same instant (by wamid, then row
 * id) exactly as SQL orders (wamid, id) with binary collation — '#' sorts below every character
 * of a wamid, and the id is zero-padded so text order is number order — and it finds the row.
 */
export function sequenceKey(wamid: string, id: number): string {
  return `${wamid}#${String(id).padStart(12, '0')}`;
}

/** The row id behind an engine message built by toEngineMessage. */
export function rowIdOf(message: Pick<EngineMessage, 'id'>): number {
  return Number(message.id.slice(message.id.lastIndexOf('#') + 1));
}
