import type { MessageFacts } from './message-facts';

/** A new message held in memory: its row id is reserved, its facts merged, nothing written. */
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
  /** Row ids reserved for messages to hold and not given out yet. */
  private spareIds: number[] = [];

  /**
   * `idBlock`: how many row ids to reserve at least when reserving (0: just what is asked). A
   * larger block means fewer reservations, each a write transaction, at the cost of the ids left
   * unused at the end.
   */
  constructor(
    readonly capacity: number,
    private readonly idBlock = 0,
  ) {}

  get size(): number {
    return this.held.size;
  }

  room(): number {
    return Math.max(0, this.capacity - this.held.size);
  }

  /**
   * Gives out `count` reserved row ids, reserving them with `reserve` a block at a time. Ids
   * left over at the end are never used; gaps in ids are harmless.
   */
  async takeIds(count: number, reserve: (count: number) => Promise<number[]>): Promise<number[]> {
    if (this.spareIds.length < count) {
      const block = Math.max(count - this.spareIds.length, Math.min(this.idBlock, this.room()));
      this.spareIds = this.spareIds.concat(await reserve(block));
    }
    return this.spareIds.splice(0, count);
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
 * The id block of a bulk import whose raw log is written by a thread: a reservation waits while
 * that thread writes, so it is made seldom.
 */
export const HELD_ID_BLOCK = 100_000;

/** Identifies a message: its phone number and wamid. */
export function messageKey(phoneNumberId: string, wamid: string): string {
  return `${phoneNumberId}|${wamid}`;
}

function conversationKey(facts: Pick<MessageFacts, 'phoneNumberId' | 'contact'>): string {
  return `${facts.phoneNumberId}|${facts.contact}`;
}
