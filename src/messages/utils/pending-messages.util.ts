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
  // Keyed by phone number, then wamid (or contact): the strings a message already holds, so
  // nothing is concatenated per look-up and nothing extra is kept per message.
  private readonly byWamid = new Map<string, Map<string, PendingMessage>>();
  private byConversation: Map<string, Map<string, PendingMessage[]>> | null = null;
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
    return this.byWamid.get(phoneNumberId)?.get(wamid);
  }

  byId(id: number): PendingMessage | undefined {
    return this.held.get(id);
  }

  add(message: PendingMessage): void {
    this.held.set(message.id, message);
    const { phoneNumberId, wamid } = message.facts;
    let wamids = this.byWamid.get(phoneNumberId);
    if (wamids === undefined) {
      wamids = new Map();
      this.byWamid.set(phoneNumberId, wamids);
    }
    wamids.set(wamid, message);
    this.byConversation = null;
  }

  /** A fact merged into a held message may change its conversation (a contact learnt late). */
  changed(): void {
    this.byConversation = null;
  }

  /** Written with its charge, or refused because another writer stored it: no longer held. */
  release(message: PendingMessage, refused: boolean): void {
    const { phoneNumberId, wamid, contact } = message.facts;
    this.held.delete(message.id);
    this.byWamid.get(phoneNumberId)?.delete(wamid);
    const list = this.byConversation?.get(phoneNumberId)?.get(contact);
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
    return this.grouped().get(phoneNumberId)?.get(contact) ?? [];
  }

  /** Held messages grouped by conversation. */
  *conversations(): Generator<{
    phoneNumberId: string;
    contact: string;
    messages: readonly PendingMessage[];
  }> {
    for (const [phoneNumberId, contacts] of this.grouped()) {
      for (const [contact, messages] of contacts) yield { phoneNumberId, contact, messages };
    }
  }

  values(): IterableIterator<PendingMessage> {
    return this.held.values();
  }

  private grouped(): Map<string, Map<string, PendingMessage[]>> {
    if (this.byConversation === null) {
      const groups = new Map<string, Map<string, PendingMessage[]>>();
      for (const message of this.held.values()) {
        const { phoneNumberId, contact } = message.facts;
        let contacts = groups.get(phoneNumberId);
        if (contacts === undefined) {
          contacts = new Map();
          groups.set(phoneNumberId, contacts);
        }
        const list = contacts.get(contact);
        if (list) list.push(message);
        else contacts.set(contact, [message]);
      }
      this.byConversation = groups;
    }
    return this.byConversation;
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
