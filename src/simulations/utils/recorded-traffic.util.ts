import { templatePricingCategory } from '../../pricing/engine/classify-message';
import { conversationKey, compareInSequence } from '../../pricing/engine/charge-messages';
import type { Charge, EngineMessage } from '../../pricing/engine/engine.types';
import type { PricingCategory } from '../../pricing/pricing.types';
import { ConversationWindows } from '../../pricing/windows/conversation-windows';
import type { NormalizedVolume } from '../simulation.types';
import type { LineAccumulator } from './line-accumulator.util';
import { shareOf } from './simulation-math.util';
import type Decimal from 'decimal.js';

export interface ChargedMessage {
  message: EngineMessage;
  charge: Charge;
}

/** Adds recorded messages' charges to lines (those without a category count by reason). */
export function addChargesToLines(
  entries: readonly ChargedMessage[],
  lines: LineAccumulator,
): void {
  for (const { charge } of entries) {
    if (charge.pricingCategory === null || charge.market === null) {
      lines.addUncategorized(charge.reason, 1);
      continue;
    }
    lines.add({
      month: charge.month,
      market: charge.market,
      pricingCategory: charge.pricingCategory,
      currency: charge.currency,
      reason: charge.reason,
      billable: charge.billable,
      tier: charge.tier,
      rate: charge.rate,
      quantity: 1,
      amount: charge.amount,
    });
  }
}

const IN_WINDOW_SERVICE_REASONS = new Set([
  'BILLED',
  'FREE_TIER',
  'NO_RATE',
  'FREE_CUSTOMER_SERVICE_WINDOW',
]);

/**
 * The Cloud API non-template replies inside a service window (not in an entry point window) to
 * move to the Business app: that share of each number's month, rounded half-up, taken from the
 * end of the month's order (so the billed ones after the free allowance go first).
 */
export function repliesToMove(entries: readonly ChargedMessage[], percent: Decimal): Set<string> {
  const groups = new Map<string, ChargedMessage[]>();
  for (const entry of entries) {
    const { message, charge } = entry;
    if (
      message.direction !== 'OUTBOUND' ||
      message.origin !== 'CLOUD_API' ||
      message.kind !== 'NON_TEMPLATE' ||
      charge.pricingCategory !== 'SERVICE' ||
      !IN_WINDOW_SERVICE_REASONS.has(charge.reason)
    ) {
      continue;
    }
    const key = `${message.phoneNumberId}|${charge.month}`;
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  const moved = new Set<string>();
  for (const list of groups.values()) {
    list.sort((a, b) =>
      compareInSequence(
        { chargeAt: a.charge.chargeAt, messageId: a.message.id },
        { chargeAt: b.charge.chargeAt, messageId: b.message.id },
      ),
    );
    const count = shareOf(list.length, percent);
    for (const entry of list.slice(list.length - count)) moved.add(entry.message.id);
  }
  return moved;
}

export interface RecordedVolumeSummary {
  volumes: NormalizedVolume[];
  /** Messages left out of the volumes, by why. */
  skipped: { businessApp: number; inbound: number; notDelivered: number; historyImport: number };
}

/**
 * Summarizes recorded Cloud API messages into volumes per month × country × pricing category,
 * with the engine's windows deciding which were sent inside a service or entry point window.
 * `monthOf` gives each message's local month (its charge month); others are left out.
 */
export function summarizeAsVolumes(
  messages: readonly EngineMessage[],
  monthOf: (message: EngineMessage) => string | null,
  recipientOf: (message: EngineMessage) => { market: string; country: string | null } | null,
): RecordedVolumeSummary {
  const skipped = { businessApp: 0, inbound: 0, notDelivered: 0, historyImport: 0 };
  const conversations = new Map<string, EngineMessage[]>();
  for (const message of messages) {
    const key = conversationKey(message);
    const list = conversations.get(key);
    if (list) list.push(message);
    else conversations.set(key, [message]);
  }
  const volumes = new Map<string, NormalizedVolume>();
  for (const conversation of conversations.values()) {
    const windows = new ConversationWindows(conversation);
    for (const message of conversation) {
      const month = monthOf(message);
      if (month === null) continue;
      if (message.direction === 'INBOUND') {
        skipped.inbound += 1;
        continue;
      }
      if (message.origin === 'BUSINESS_APP') {
        skipped.businessApp += 1;
        continue;
      }
      if (message.origin === 'HISTORY_IMPORT') {
        skipped.historyImport += 1;
        continue;
      }
      if (message.delivery === 'FAILED') {
        skipped.notDelivered += 1;
        continue;
      }
      const category = categoryOf(message);
      const recipient = recipientOf(message);
      if (category === null || recipient === null) continue;
      const where = recipient.country ?? `market:${recipient.market}`;
      const key = `${month}|${where}|${category}`;
      let volume = volumes.get(key);
      if (!volume) {
        volume = {
          month,
          index: volumes.size,
          market: recipient.market,
          country: recipient.country,
          pricingCategory: category,
          messages: 0,
          insideServiceWindow: 0,
          insideEntryPoint: 0,
        };
        volumes.set(key, volume);
      }
      volume.messages += 1;
      if (windows.entryPointOpenAt(message.sentAt)) volume.insideEntryPoint += 1;
      else if (windows.serviceWindowOpenAt(message.sentAt)) volume.insideServiceWindow += 1;
    }
  }
  return { volumes: [...volumes.values()], skipped };
}

function categoryOf(message: EngineMessage): PricingCategory | null {
  return message.kind === 'TEMPLATE' ? templatePricingCategory(message) : 'SERVICE';
}
