import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from '../../database/sql-dialect';
import type { PendingMessages } from '../utils/pending-messages.util';
import type { KeyedFact } from './message-store.service';

const LOOKUP_CHUNK = 500;

/**
 * One customer, one conversation, whichever identity a webhook names. Meta names a customer by
 * phone number, by business-scoped user id (BSUID), or by both; a BSUID stands in as the contact
 * only while no phone number is known. When a fact names both, the link is kept (`contact_links`)
 * and the messages that knew only the BSUID take the phone number as their contact; later facts
 * naming only the BSUID get it too.
 */
@Injectable()
export class ContactLinks {
  private readonly sql: SqlDialect;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Returns the facts with a known phone number filled in where they name only a BSUID, and the
   * ids of stored messages whose contact or participant changed (they must be re-rated). Held
   * messages are relinked in memory.
   */
  async resolve(
    facts: readonly KeyedFact[],
    pending?: PendingMessages,
  ): Promise<{ facts: KeyedFact[]; relinked: number[] }> {
    const userIds = [
      ...new Set(facts.map((item) => item.fact.userId).filter((id): id is string => !!id)),
    ];
    if (userIds.length === 0) return { facts: [...facts], relinked: [] };
    const known = await this.load(userIds);
    const learnt = new Map<string, string>();
    for (const { fact } of facts) {
      const phone = 'contact' in fact ? fact.contact : null;
      if (!fact.userId || !phone || known.get(fact.userId) === phone) continue;
      // Facts of one batch naming two numbers for one BSUID (a changed number): the lowest wins.
      const previous = learnt.get(fact.userId);
      if (previous === undefined || phone < previous) learnt.set(fact.userId, phone);
    }
    for (const [userId, phone] of learnt) known.set(userId, phone);
    const resolved = facts.map((item) => {
      const { fact } = item;
      const phone = fact.userId ? known.get(fact.userId) : undefined;
      if (phone === undefined || !('contact' in fact) || fact.contact) return item;
      return { ...item, fact: { ...fact, contact: phone } };
    });
    const relinked = learnt.size === 0 ? [] : await this.relink(learnt, pending);
    return { facts: resolved, relinked };
  }

  private async load(userIds: string[]): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    for (let start = 0; start < userIds.length; start += LOOKUP_CHUNK) {
      const chunk = userIds.slice(start, start + LOOKUP_CHUNK);
      const rows: { user_id: string; phone: string }[] = await this.sql.query(
        `SELECT user_id, phone FROM contact_links WHERE user_id IN (${this.sql.params(1, chunk.length)})`,
        chunk,
      );
      for (const row of rows) known.set(row.user_id, row.phone);
    }
    return known;
  }

  /**
   * Stores the links and moves the conversations that knew only the BSUID over to the phone
   * number. A group delivery's participant is left as it is: the group is its conversation, and
   * the country code Meta sends with a BSUID gives the same market as the phone number.
   */
  private async relink(
    learnt: Map<string, string>,
    pending: PendingMessages | undefined,
  ): Promise<number[]> {
    const now = Date.now();
    const relinked: number[] = [];
    for (const [userId, phone] of learnt) {
      await this.sql.query(
        `INSERT INTO contact_links (user_id, phone, linked_at) VALUES (${this.sql.params(1, 3)})
         ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone, linked_at = excluded.linked_at`,
        [userId, phone, now],
      );
      // Through the conversation index: its first column over the (few) phone numbers.
      const knewOnlyTheUserId = (first: number) =>
        `phone_number_id IN (SELECT phone_number_id FROM phone_numbers)
          AND contact = ${this.sql.param(first)} AND contact_user_id = ${this.sql.param(first + 1)}`;
      const rows: { id: number | string }[] = await this.sql.query(
        `SELECT id FROM messages WHERE ${knewOnlyTheUserId(1)}`,
        [userId, userId],
      );
      if (rows.length === 0) continue;
      await this.sql.query(
        `UPDATE messages SET contact = ${this.sql.param(1)} WHERE ${knewOnlyTheUserId(2)}`,
        [phone, userId, userId],
      );
      relinked.push(...rows.map((row) => Number(row.id)));
    }
    let moved = false;
    for (const message of pending?.values() ?? []) {
      const { facts } = message;
      const phone = facts.contactUserId === null ? undefined : learnt.get(facts.contactUserId);
      if (phone === undefined || facts.groupId !== null || facts.contact !== facts.contactUserId) {
        continue;
      }
      facts.contact = phone;
      moved = true;
    }
    if (moved) pending!.changed();
    return relinked;
  }
}
