import { ConversationWindows } from '../windows/conversation-windows';
import { classifyMessage } from './classify-message';
import type {
  Charge,
  Classification,
  EngineAccount,
  EngineMessage,
  RateCardBook,
} from './engine.types';
import { priceClassified } from './price-classified';

export interface ChargeBatchInput {
  messages: readonly EngineMessage[];
  accountOf(phoneNumberId: string): EngineAccount;
  rateCards: RateCardBook;
  /** Messages already counted in a sequence group before this batch (default 0). */
  countedBefore?(group: string): number;
}

/**
 * Charges a self-contained set of messages: conversations give the windows, then each
 * volume-tier and free-allowance counter is walked in delivery order.
 */
export function chargeMessages(input: ChargeBatchInput): Map<string, Charge> {
  const classifications = classifyAll(input.messages, input.accountOf, input.rateCards);
  return sequenceAndPrice(classifications, input.accountOf, input.countedBefore ?? (() => 0));
}

export function conversationKey(message: Pick<EngineMessage, 'phoneNumberId' | 'contact'>): string {
  return `${message.phoneNumberId}|${message.contact}`;
}

export function classifyAll(
  messages: readonly EngineMessage[],
  accountOf: (phoneNumberId: string) => EngineAccount,
  rateCards: RateCardBook,
): { message: EngineMessage; classification: Classification }[] {
  const conversations = new Map<string, EngineMessage[]>();
  for (const message of messages) {
    const key = conversationKey(message);
    const list = conversations.get(key);
    if (list) list.push(message);
    else conversations.set(key, [message]);
  }
  const result: { message: EngineMessage; classification: Classification }[] = [];
  for (const conversation of conversations.values()) {
    const windows = new ConversationWindows(conversation);
    for (const message of conversation) {
      const account = accountOf(message.phoneNumberId);
      result.push({
        message,
        classification: classifyMessage(message, windows, account, rateCards),
      });
    }
  }
  return result;
}

export function compareInSequence(
  a: { chargeAt: Date; messageId: string },
  b: { chargeAt: Date; messageId: string },
): number {
  const byTime = a.chargeAt.getTime() - b.chargeAt.getTime();
  if (byTime !== 0) return byTime;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

function sequenceAndPrice(
  classified: { message: EngineMessage; classification: Classification }[],
  accountOf: (phoneNumberId: string) => EngineAccount,
  countedBefore: (group: string) => number,
): Map<string, Charge> {
  const groups = new Map<string, { message: EngineMessage; classification: Classification }[]>();
  const charges = new Map<string, Charge>();
  for (const entry of classified) {
    const group = entry.classification.sequence?.group;
    if (group === undefined) {
      const allowance = accountOf(entry.message.phoneNumberId).freeServiceAllowance;
      charges.set(
        entry.message.id,
        priceClassified(entry.classification, { ordinal: null, freeServiceAllowance: allowance }),
      );
      continue;
    }
    const list = groups.get(group);
    if (list) list.push(entry);
    else groups.set(group, [entry]);
  }
  for (const [group, members] of groups) {
    members.sort((a, b) => compareInSequence(a.classification, b.classification));
    let ordinal = countedBefore(group);
    for (const { message, classification } of members) {
      ordinal += 1;
      const allowance = accountOf(message.phoneNumberId).freeServiceAllowance;
      charges.set(
        message.id,
        priceClassified(classification, { ordinal, freeServiceAllowance: allowance }),
      );
    }
  }
  return charges;
}
