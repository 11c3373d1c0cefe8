import type Decimal from 'decimal.js';
import {
  classifyAll,
  compareInSequence,
  conversationKey,
} from '../../pricing/engine/charge-messages';
import { templatePricingCategory } from '../../pricing/engine/classify-message';
import type {
  Charge,
  Classification,
  EngineAccount,
  EngineMessage,
  RateCardBook,
} from '../../pricing/engine/engine.types';
import { priceClassified } from '../../pricing/engine/price-classified';
import type { PricingCategory } from '../../pricing/pricing.types';
import { ConversationWindows } from '../../pricing/windows/conversation-windows';
import type { NormalizedVolume } from '../simulation.types';
import type { LineAccumulator } from './line-accumulator.util';
import { shareOf } from './simulation-math.util';

/** What a simulation keeps of a recorded message it reports. */
export interface RecordedEntry {
  id: string;
  phoneNumberId: string;
  /** Sent through the Cloud API as a non-template message: a reply that could move to the app. */
  cloudApiReply: boolean;
}

export interface ChargedEntry {
  entry: RecordedEntry;
  charge: Charge;
}

/**
 * What a counter's members share: a classification but for its message, instant and local day.
 * A month's counter members fall into a few hundred shapes (market × category × card × …).
 */
interface Shape {
  classification: Classification;
}

/**
 * A counter member waiting for its counter's walk: its place in the order, its shape, and what
 * the simulation keeps of it when it is reported. Around 200 bytes, where the member's message
 * and classification took several kilobytes.
 */
interface CounterMember {
  at: number;
  messageId: string;
  day: string;
  shape: Shape;
  freeServiceAllowance: number;
  /** Null for a member that only takes a place (another WABA's, or outside the months). */
  entry: RecordedEntry | null;
}

/** compareInSequence on counter members: by charge instant, then message id. */
function compareMembers(a: CounterMember, b: CounterMember): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

/** The fields of a classification that are the same for every message of a shape. */
function shapeKey(classification: Classification): string {
  const { estimate, meta, sequence, card } = classification;
  return JSON.stringify([
    classification.month,
    classification.market,
    classification.country,
    classification.recipientProblem,
    card === null ? null : [card.id, card.importedSeq],
    classification.currency,
    sequence === null ? null : [sequence.kind, sequence.group],
    decisionKey(estimate),
    meta === null ? null : decisionKey(meta),
  ]);
}

function decisionKey(decision: Classification['estimate']): unknown[] {
  return [
    decision.reason,
    decision.billable,
    decision.pricingCategory,
    decision.column,
    decision.tierFamily,
    decision.allowance,
    decision.note,
  ];
}

export interface RecordedChargeContext {
  accountOf(phoneNumberId: string): EngineAccount;
  rateCards: RateCardBook;
  /** The messages to report (their charges are handed to `consume`); all take counter places. */
  report(message: EngineMessage, classification: Classification): boolean;
  /** Each chunk's classified messages, before any of its charges is handed over. */
  onChunk?(classified: readonly { message: EngineMessage; classification: Classification }[]): void;
}

/**
 * Charges recorded traffic read as chunks of whole conversations, exactly as chargeMessages
 * charges the same messages at once: windows come from each conversation (whole in its chunk),
 * and each volume-tier or free-allowance counter is walked in delivery order once every chunk
 * is read. Messages outside any counter are charged as their chunk is read; only counter
 * members are kept until the end, each as its place and a shape shared with the members
 * classified alike (see CounterMember). The reported messages' charges go to `consume`, counter
 * members' after the others.
 */
export async function chargeRecordedTraffic(
  chunks: AsyncIterable<readonly EngineMessage[]>,
  context: RecordedChargeContext,
  consume: (charged: ChargedEntry) => void,
): Promise<void> {
  const counters = new Map<string, CounterMember[]>();
  const shapes = new Map<string, Shape>();
  const days = new Map<string, string>();
  for await (const messages of chunks) {
    const classified = classifyAll(messages, context.accountOf, context.rateCards);
    context.onChunk?.(classified);
    for (const { message, classification } of classified) {
      const entry = context.report(message, classification) ? entryOf(message) : null;
      const freeServiceAllowance = context.accountOf(message.phoneNumberId).freeServiceAllowance;
      const group = classification.sequence?.group;
      if (group === undefined) {
        if (entry !== null) {
          const charge = priceClassified(classification, { ordinal: null, freeServiceAllowance });
          consume({ entry, charge });
        }
        continue;
      }
      const key = shapeKey(classification);
      let shape = shapes.get(key);
      if (shape === undefined) {
        shape = { classification };
        shapes.set(key, shape);
      }
      let day = days.get(classification.localDate);
      if (day === undefined) {
        day = classification.localDate;
        days.set(day, day);
      }
      const member: CounterMember = {
        at: classification.chargeAt.getTime(),
        messageId: classification.messageId,
        day,
        shape,
        freeServiceAllowance,
        entry,
      };
      const members = counters.get(group);
      if (members) members.push(member);
      else counters.set(group, [member]);
    }
  }
  for (const members of counters.values()) {
    members.sort(compareMembers);
    for (const [index, member] of members.entries()) {
      if (member.entry === null) continue;
      const classification: Classification = {
        ...member.shape.classification,
        messageId: member.messageId,
        chargeAt: new Date(member.at),
        localDate: member.day,
      };
      const charge = priceClassified(classification, {
        ordinal: index + 1,
        freeServiceAllowance: member.freeServiceAllowance,
      });
      consume({ entry: member.entry, charge });
    }
  }
}

function entryOf(message: EngineMessage): RecordedEntry {
  return {
    id: message.id,
    phoneNumberId: message.phoneNumberId,
    cloudApiReply:
      message.direction === 'OUTBOUND' &&
      message.origin === 'CLOUD_API' &&
      message.kind === 'NON_TEMPLATE',
  };
}

/** Adds a recorded message's charge to lines (one without a category counts by reason). */
export function addChargeToLines(charge: Charge, lines: LineAccumulator): void {
  if (charge.pricingCategory === null || charge.market === null) {
    lines.addUncategorized(charge.reason, 1);
    return;
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

const IN_WINDOW_SERVICE_REASONS = new Set([
  'BILLED',
  'FREE_TIER',
  'NO_RATE',
  'FREE_CUSTOMER_SERVICE_WINDOW',
]);

/**
 * The Cloud API non-template replies inside a service window (not in an entry point window) to
 * move to the Business app: that share of each number's month, rounded half-up, taken from the
 * end of the month's order (so the billed ones after the free allowance go first). Charges are
 * added one by one; only the candidates are kept.
 */
export class RepliesToMove {
  private readonly groups = new Map<string, { chargeAt: Date; messageId: string }[]>();

  add({ entry, charge }: ChargedEntry): void {
    if (
      !entry.cloudApiReply ||
      charge.pricingCategory !== 'SERVICE' ||
      !IN_WINDOW_SERVICE_REASONS.has(charge.reason)
    ) {
      return;
    }
    const key = `${entry.phoneNumberId}|${charge.month}`;
    const candidate = { chargeAt: charge.chargeAt, messageId: entry.id };
    const list = this.groups.get(key);
    if (list) list.push(candidate);
    else this.groups.set(key, [candidate]);
  }

  /** The ids of the messages to move. */
  chosen(percent: Decimal): Set<string> {
    const moved = new Set<string>();
    for (const list of this.groups.values()) {
      list.sort(compareInSequence);
      const count = shareOf(list.length, percent);
      for (const candidate of list.slice(list.length - count)) moved.add(candidate.messageId);
    }
    return moved;
  }
}

export interface RecordedVolumeSummary {
  volumes: NormalizedVolume[];
  /** Messages left out of the volumes, by why. */
  skipped: { businessApp: number; inbound: number; notDelivered: number; historyImport: number };
}

/**
 * Summarizes recorded Cloud API messages into volumes per month × country × pricing category,
 * with the engine's windows deciding which were sent inside a service or entry point window.
 * Messages are added a chunk of whole conversations at a time; volumes are numbered in the order
 * they first appear. `monthOf` gives each message's local month (its charge month); others are
 * left out.
 */
export class RecordedVolumes {
  private readonly skipped = { businessApp: 0, inbound: 0, notDelivered: 0, historyImport: 0 };
  private readonly volumes = new Map<string, NormalizedVolume>();

  add(
    messages: readonly EngineMessage[],
    monthOf: (message: EngineMessage) => string | null,
    recipientOf: (message: EngineMessage) => { market: string; country: string | null } | null,
  ): void {
    const conversations = new Map<string, EngineMessage[]>();
    for (const message of messages) {
      const key = conversationKey(message);
      const list = conversations.get(key);
      if (list) list.push(message);
      else conversations.set(key, [message]);
    }
    for (const conversation of conversations.values()) {
      const windows = new ConversationWindows(conversation);
      for (const message of conversation) this.addMessage(message, windows, monthOf, recipientOf);
    }
  }

  summary(): RecordedVolumeSummary {
    return { volumes: [...this.volumes.values()], skipped: { ...this.skipped } };
  }

  private addMessage(
    message: EngineMessage,
    windows: ConversationWindows,
    monthOf: (message: EngineMessage) => string | null,
    recipientOf: (message: EngineMessage) => { market: string; country: string | null } | null,
  ): void {
    const month = monthOf(message);
    if (month === null) return;
    if (message.direction === 'INBOUND') {
      this.skipped.inbound += 1;
      return;
    }
    if (message.origin === 'BUSINESS_APP') {
      this.skipped.businessApp += 1;
      return;
    }
    if (message.origin === 'HISTORY_IMPORT') {
      this.skipped.historyImport += 1;
      return;
    }
    if (message.delivery === 'FAILED') {
      this.skipped.notDelivered += 1;
      return;
    }
    const category = categoryOf(message);
    const recipient = recipientOf(message);
    if (category === null || recipient === null) return;
    const where = recipient.country ?? `market:${recipient.market}`;
    const key = `${month}|${where}|${category}`;
    let volume = this.volumes.get(key);
    if (!volume) {
      volume = {
        month,
        index: this.volumes.size,
        market: recipient.market,
        country: recipient.country,
        pricingCategory: category,
        messages: 0,
        insideServiceWindow: 0,
        insideEntryPoint: 0,
      };
      this.volumes.set(key, volume);
    }
    volume.messages += 1;
    if (windows.entryPointOpenAt(message.sentAt)) volume.insideEntryPoint += 1;
    else if (windows.serviceWindowOpenAt(message.sentAt)) volume.insideServiceWindow += 1;
  }
}

function categoryOf(message: EngineMessage): PricingCategory | null {
  return message.kind === 'TEMPLATE' ? templatePricingCategory(message) : 'SERVICE';
}
