import { DataSource } from 'typeorm';
import { AccountsService } from '../../src/accounts/services/accounts.service';
import { MessageStore, type KeyedFact } from '../../src/messages/services/message-store.service';
import type { PendingMessages } from '../../src/messages/utils/pending-messages.util';
import type { TemplateCategory } from '../../src/pricing/pricing.types';
import type { TestApp } from './test-app.util';
import { PHONE, WABA } from './webhook.util';

/** Where a message is sent from: a phone number of a WABA. */
export interface Sender {
  phoneNumberId: string;
  wabaId: string;
}

export const DEFAULT_SENDER: Sender = { phoneNumberId: PHONE, wabaId: WABA };

/**
 * A template in the send log, sent at `sentAt` and delivered a second later (at `deliveredAt`
 * when given, never when null).
 */
export function templateSent(
  wamid: string,
  contact: string,
  sentAt: string,
  options: {
    category?: TemplateCategory;
    deliveredAt?: string | null;
    from?: Sender;
  } = {},
): KeyedFact[] {
  const from = options.from ?? DEFAULT_SENDER;
  const facts: KeyedFact[] = [
    {
      wamid,
      ...from,
      fact: {
        kind: 'send_log',
        contact,
        at: new Date(sentAt),
        templateName: 'order_update',
        templateLanguage: 'en_US',
        templateCategory: options.category ?? 'UTILITY',
        api: 'CLOUD_API',
      },
    },
  ];
  const deliveredAt =
    options.deliveredAt === undefined
      ? new Date(Date.parse(sentAt) + 1000).toISOString()
      : options.deliveredAt;
  if (deliveredAt !== null)
    facts.push(statusReported(wamid, contact, 'delivered', deliveredAt, from));
  return facts;
}

/** A status Meta reported for a message sent to `contact`. */
export function statusReported(
  wamid: string,
  contact: string,
  status: 'delivered' | 'read',
  at: string,
  from: Sender = DEFAULT_SENDER,
): KeyedFact {
  return {
    wamid,
    ...from,
    fact: { kind: 'status', status, contact, at: new Date(at), errorCode: null, pricing: null },
  };
}

/** A customer's message to the business. */
export function customerMessage(
  wamid: string,
  contact: string,
  at: string,
  from: Sender = DEFAULT_SENDER,
): KeyedFact {
  return {
    wamid,
    ...from,
    fact: {
      kind: 'inbound',
      origin: 'CLOUD_API',
      contact,
      at: new Date(at),
      messageType: 'text',
      referral: null,
    },
  };
}

/**
 * Stores (or, with `pending`, holds) the facts without charging them, the senders made known
 * first; returns the ids of the new or changed messages.
 */
export async function storeFacts(
  testApp: TestApp,
  facts: KeyedFact[],
  pending?: PendingMessages,
): Promise<number[]> {
  const accounts = testApp.app.get(AccountsService);
  for (const { wabaId, phoneNumberId } of facts)
    await accounts.ensureKnown(wabaId, phoneNumberId, null);
  return (await testApp.app.get(MessageStore).applyFacts(facts, pending)).changed;
}

/** Row ids by wamid (of the default sender's messages unless `phoneNumberId` is given). */
export async function idsByWamid(
  testApp: TestApp,
  phoneNumberId = PHONE,
): Promise<Map<string, number>> {
  const rows: { wamid: string; id: number | string }[] = await testApp.app
    .get(DataSource)
    .query(
      `SELECT wamid, id FROM messages WHERE phone_number_id = ${testApp.kind === 'postgres' ? '$1' : '?'}`,
      [phoneNumberId],
    );
  return new Map(rows.map((row) => [row.wamid, Number(row.id)]));
}
