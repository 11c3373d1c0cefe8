import type { MessageFacts } from './message-facts';

/**
 * A new message held in memory: its id reserved (or provisional), its facts merged, nothing
 * written.
 */
export interface PendingMessage {
  id: number;
  facts: MessageFacts;
}

/**
 * New messages of a bulk import, kept in memory until their month is charged, so that each is
 * written once, with its charge, instead of stored and then rewritten. Holds at most `capacity`
 * messages; the import stores the rest the ordinary way.
 */
export class PendingMessages {
  private readonly held = new Map<number, PendingMessage>();
  private readonly byKey = new Map<string, PendingMessage>();
  private byConversation: Map<string, PendingMessage[]> | null = null;
  /** Messages another writer stored while they were held: their facts must be merged again. */
  readonly refused: PendingMessage[] = [];
  private nextProvisionalId = PROVISIONAL_ID_BASE;

  /**
   * `provisionalIds`: held messages get ids of their own, above any stored id, and their row ids
   * are given when they are written, in the order they are written (a bulk import: its rows are
   * then appended to the table instead of scattered over it). Otherwise row ids are reserved in
   * the database when a message is held.
   */
  constructor(
    readonly capacity: number,
    readonly provisionalIds = false,
  ) {}

  get size(): number {
    return this.held.size;
  }

  room(): number {
    return Math.max(0, this.capacity - this.held.size);
  }

  /** Ids for `count` messages to hold: provisional ones, or row ids reserved with `reserve`. */
  async takeIds(count: number, reserve: (count: number) => Promise<number[]>): Promise<number[]> {
    if (!this.provisionalIds) return reserve(count);
    const first = this.nextProvisionalId;
    this.nextProvisionalId += count;
    return Array.from({ length: count }, (_, offset) => first + offset);
  }

  get(phoneNumberId: string, wamid: string): PendingMessage | undefined {
    return this.byKey.get(messageKey(phoneNumberId, wamid));
  }

  byId(id: number): PendingMessage | undefined {
    return this.held.get(id);
  }

  add(message: PendingMessage): void {
    this.held.set(message.id, message);
    this.byKey.set(messageKey(message.facts.phoneNumberId, message.facts.wamid), message);
    this.byConversation = null;
  }

  /** A fact merged into a held message may change its conversation (a contact learnt late). */
  changed(): void {
    this.byConversation = null;
  }

  /** Written with its charge, or refused because another writer stored it: no longer held. */
  release(message: PendingMessage, refused: boolean): void {
    this.held.delete(message.id);
    this.byKey.delete(messageKey(message.facts.phoneNumberId, message.facts.wamid));
    const list = this.byConversation?.get(conversationKey(message.facts));
    const index = list?.indexOf(message) ?? -1;
    if (index >= 0) list!.splice(index, 1);
    if (refused) this.refused.push(message);
  }

  /**
   * Keys (`messageKey`) of the messages no write took: still held, or refused because another
   * writer stored them meanwhile. Their facts must be merged the ordinary way.
   */
  unwrittenKeys(): Set<string> {
    return new Set(
      [...this.held.values(), ...this.refused].map((message) =>
        messageKey(message.facts.phoneNumberId, message.facts.wamid),
      ),
    );
  }

  /** The held messages of one conversation (phone number and customer). */
  conversation(phoneNumberId: string, contact: string): readonly PendingMessage[] {
    return this.conversations().get(`${phoneNumberId}|${contact}`) ?? [];
  }

  /** Held messages grouped by conversation. */
  conversations(): ReadonlyMap<string, PendingMessage[]> {
    if (this.byConversation === null) {
      const groups = new Map<string, PendingMessage[]>();
      for (const message of this.held.values()) {
        const key = conversationKey(message.facts);
        const list = groups.get(key);
        if (list) list.push(message);
        else groups.set(key, [message]);
      }
      this.byConversation = groups;
    }
    return this.byConversation;
  }

  values(): IterableIterator<PendingMessage> {
    return this.held.values();
  }
}

/**
 * Where provisional ids start: above any row id a database will reach, and twelve digits long,
 * so that ordering by `sequenceKey` puts held messages after stored ones on a tie, as their row
 * ids, given at write time, will.
 */
export const PROVISIONAL_ID_BASE = 100_000_000_000;

/** Identifies a message: its phone number and wamid. */
export function messageKey(phoneNumberId: string, wamid: string): string {
  return `${phoneNumberId}|${wamid}`;
}

function conversationKey(facts: Pick<MessageFacts, 'phoneNumberId' | 'contact'>): string {
  return `${facts.phoneNumberId}|${facts.contact}`;
}
