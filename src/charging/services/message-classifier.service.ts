import { Injectable } from '@nestjs/common';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { classifyAll } from '../../pricing/engine/charge-messages';
import type { Classification, EngineAccount } from '../../pricing/engine/engine.types';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import { rowIdOf, toEngineMessage, toMillis } from '../utils/engine-message-row.util';
import { MessageRowReader, type MessageRow } from './message-row-reader.service';
import { TemplateCategoryBook } from './template-category-book.service';

/** A message row with its account and everything of its charge but its place in a counter. */
export interface Classified {
  row: MessageRow;
  account: EngineAccount;
  classification: Classification;
}

/** Classifies message rows with the engine, under the current accounts, rate cards and templates. */
@Injectable()
export class MessageClassifier {
  constructor(
    private readonly reader: MessageRowReader,
    private readonly accounts: AccountsService,
    private readonly rateCards: RateCardsService,
    private readonly templateCategories: TemplateCategoryBook,
  ) {}

  /**
   * Classifies the rows, loading from each conversation what came up to 96 h before them (from
   * storage and from the held messages). Returns the rows and the later messages of their
   * conversations (within 96 h) whose charge they can change.
   */
  async classifyWithContext(rows: MessageRow[], pending?: PendingMessages): Promise<Classified[]> {
    const earliest = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.phone_number_id}|${row.contact}`;
      const sent = toMillis(row.sent_at) ?? 0;
      earliest.set(key, Math.min(earliest.get(key) ?? sent, sent));
    }
    return this.classifyRows(
      await this.reader.conversationContext(rows, pending),
      (row) =>
        (toMillis(row.sent_at) ?? 0) >=
        (earliest.get(`${row.phone_number_id}|${row.contact}`) ?? 0),
    );
  }

  /**
   * Classifies the rows together (a conversation's messages decide each other's charges) and
   * returns those `keep` accepts (all when null).
   */
  async classifyRows(
    rows: MessageRow[],
    keep: ((row: MessageRow) => boolean) | null,
  ): Promise<Classified[]> {
    await this.accounts.refreshEngineAccounts();
    const accounts = new Map<string, EngineAccount>();
    for (const row of rows) {
      if (!accounts.has(row.phone_number_id)) {
        accounts.set(row.phone_number_id, await this.accounts.engineAccount(row.phone_number_id));
      }
    }
    await this.templateCategories.ensureLoaded();
    const book = await this.rateCards.book();
    const rowsById = new Map(rows.map((row) => [row.id, row]));
    const messages = rows.map((row) => toEngineMessage(row, this.templateCategories));
    const result: Classified[] = [];
    for (const { message, classification } of classifyAll(
      messages,
      (phone) => accounts.get(phone)!,
      book,
    )) {
      const row = rowsById.get(rowIdOf(message))!;
      if (keep === null || keep(row)) {
        result.push({ row, account: accounts.get(row.phone_number_id)!, classification });
      }
    }
    return result;
  }
}
