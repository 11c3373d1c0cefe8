import type { EngineMessage } from '../engine/engine.types';

export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const ENTRY_POINT_REPLY_MS = 24 * 60 * 60 * 1000;
export const ENTRY_POINT_WINDOW_MS = 72 * 60 * 60 * 1000;

/**
 * Only live customer messages open the service window. Messages imported with the Business app
 * history predate the number's Cloud API onboarding, and Meta opens a window "only when a WhatsApp
 * user messages a business customer who is already onboarded onto Cloud API"; echoes and business
 * messages never open one.
 */
export function isCustomerMessage(message: EngineMessage): boolean {
  return message.direction === 'INBOUND' && message.origin !== 'HISTORY_IMPORT';
}

/**
 * The windows of one conversation (one business number and one customer). Windows are
 * half-open: a window opened at t covers [t, t + length).
 */
export class ConversationWindows {
  private readonly customerTimes: number[];
  private readonly entryPointStarts: number[];
  private readonly utilityDeliveries: number[];

  constructor(messages: readonly EngineMessage[]) {
    this.customerTimes = messages
      .filter(isCustomerMessage)
      .map((message) => message.sentAt.getTime())
      .sort((a, b) => a - b);
    this.entryPointStarts = findEntryPointStarts(messages);
    this.utilityDeliveries = messages
      .filter(
        (m) =>
          m.direction === 'OUTBOUND' &&
          m.origin === 'CLOUD_API' &&
          m.kind === 'TEMPLATE' &&
          m.templateCategory === 'UTILITY' &&
          m.delivery === 'DELIVERED' &&
          m.deliveredAt !== null,
      )
      .map((m) => m.deliveredAt!.getTime())
      .sort((a, b) => a - b);
  }

  /**
   * Whether a utility conversation of conversation-based pricing is open at the instant: one
   * opened by a utility template delivered before `pricingSwitch` (when per-message pricing
   * began), lasting 24 hours, a new one opening only once the last has closed.
   */
  utilityConversationOpenAt(instant: Date, pricingSwitch: Date): boolean {
    const at = instant.getTime();
    let openedAt: number | null = null;
    for (const delivered of this.utilityDeliveries) {
      if (delivered >= pricingSwitch.getTime() || delivered > at) break;
      if (openedAt === null || delivered >= openedAt + SERVICE_WINDOW_MS) openedAt = delivered;
    }
    return openedAt !== null && at < openedAt + SERVICE_WINDOW_MS;
  }

  serviceWindowOpenAt(instant: Date): boolean {
    const last = lastAtOrBefore(this.customerTimes, instant.getTime());
    return last !== null && instant.getTime() < last + SERVICE_WINDOW_MS;
  }

  entryPointOpenAt(instant: Date): boolean {
    const last = lastAtOrBefore(this.entryPointStarts, instant.getTime());
    return last !== null && instant.getTime() < last + ENTRY_POINT_WINDOW_MS;
  }
}

/**
 * A referral message (CTWA ad, Page button) starts a 72 h free entry point window at the
 * business's first Cloud API reply, if that reply comes within 24 h of the referral.
 */
function findEntryPointStarts(messages: readonly EngineMessage[]): number[] {
  const replies = messages
    .filter(
      (m) => m.direction === 'OUTBOUND' && m.origin === 'CLOUD_API' && m.delivery !== 'FAILED',
    )
    .map((m) => m.sentAt.getTime())
    .sort((a, b) => a - b);
  const starts = new Set<number>();
  for (const referral of messages) {
    if (
      referral.direction !== 'INBOUND' ||
      referral.origin !== 'CLOUD_API' ||
      !referral.hasReferral
    ) {
      continue;
    }
    const at = referral.sentAt.getTime();
    const reply = firstAtOrAfter(replies, at);
    if (reply !== null && reply < at + ENTRY_POINT_REPLY_MS) starts.add(reply);
  }
  return [...starts].sort((a, b) => a - b);
}

function lastAtOrBefore(sorted: readonly number[], value: number): number | null {
  let low = 0;
  let high = sorted.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) {
      found = sorted[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number | null {
  let low = 0;
  let high = sorted.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] >= value) {
      found = sorted[mid];
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return found;
}
