import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/services/accounts.service';
import { TemplateCategoryBook } from '../../charging/services/template-category-book.service';
import {
  CHARGE_CONTEXT_MS,
  MESSAGE_FACTS_COLUMNS,
  TIMEZONE_MARGIN_MS,
  toEngineMessage,
  type MessageFactsRow,
} from '../../charging/utils/engine-message-row.util';
import { DomainError } from '../../common/errors/domain.error';
import { SqlDialect } from '../../database/sql-dialect';
import type { EngineAccount, EngineMessage } from '../../pricing/engine/engine.types';
import { nextMonth } from '../../pricing/time/local-time.util';

export interface RecordedTraffic {
  /**
   * Every message that can matter (the months plus 96 h of context before them), as whole
   * conversations, a chunk at a time, in (phone number, contact, sent, id) order. Each call reads
   * the messages again; the accounts of a chunk's numbers are loaded before it is yielded.
   */
  chunks(): AsyncGenerator<EngineMessage[]>;
  /** The engine account of each phone number read so far. */
  accounts: Map<string, EngineAccount>;
  /** The WABA of each phone number read so far, in the order they were first read. */
  wabaOfPhone: Map<string, string>;
  /** The WABAs whose messages are reported (the others of the portfolio only feed counters). */
  reportedWabas: Set<string>;
  wabaIds: string[];
  portfolioId: string;
}

/**
 * Reads a WABA's (or portfolio's) recorded messages for a range of local months, as engine
 * messages built exactly as the charging's MessageClassifier builds them (same columns, window, delivery state
 * and template category at the time of use). A WABA's volume-tier counters are shared with the
 * other WABAs of its portfolio, so their messages are read as well. Messages are read in chunks
 * of whole conversations, never all at once: a month of a busy portfolio is hundreds of
 * thousands of messages.
 */
@Injectable()
export class RecordedTrafficService {
  /**
   * Rows read per chunk (whole conversations; tests make it small). A chunk's rows, messages and
   * classifications take about 2 KB each while it is charged: 5,000 keep that near 10 MB.
   */
  chunkRows = 5_000;
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly templateCategories: TemplateCategoryBook,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  async open(scope: {
    wabaId: string | null;
    portfolioId: string | null;
    fromMonth: string;
    toMonth: string;
  }): Promise<RecordedTraffic> {
    const portfolioId = await this.portfolioOf(scope);
    const wabaRows: { waba_id: string }[] = await this.sql.query(
      `SELECT waba_id FROM wabas WHERE portfolio_id = ${this.sql.param(1)} ORDER BY waba_id`,
      [portfolioId],
    );
    const wabaIds = wabaRows.map((row) => row.waba_id);
    if (wabaIds.length === 0) {
      throw new DomainError('NOT_FOUND', `no WABA belongs to portfolio "${portfolioId}"`);
    }
    const start = Date.parse(`${scope.fromMonth}-01T00:00:00Z`);
    const end = Date.parse(`${nextMonth(scope.toMonth)}-01T00:00:00Z`);
    const range = {
      from: start - TIMEZONE_MARGIN_MS - CHARGE_CONTEXT_MS,
      to: end + TIMEZONE_MARGIN_MS,
      wabaIds,
    };
    const traffic: RecordedTraffic = {
      chunks: () => this.chunks(range, traffic),
      accounts: new Map(),
      wabaOfPhone: new Map(),
      reportedWabas: new Set(scope.wabaId ? [scope.wabaId] : wabaIds),
      wabaIds,
      portfolioId,
    };
    return traffic;
  }

  private async *chunks(
    range: { from: number; to: number; wabaIds: string[] },
    traffic: RecordedTraffic,
  ): AsyncGenerator<EngineMessage[]> {
    await this.templateCategories.ensureLoaded();
    for await (const rows of this.conversationChunks(range)) {
      for (const row of rows) {
        if (!traffic.accounts.has(row.phone_number_id)) {
          traffic.accounts.set(
            row.phone_number_id,
            await this.accounts.engineAccount(row.phone_number_id),
          );
          traffic.wabaOfPhone.set(row.phone_number_id, row.waba_id);
        }
      }
      yield rows.map((row) => toEngineMessage(row, this.templateCategories));
    }
  }

  /** Messages sent in [from, to) of the WABAs, a batch of whole conversations at a time. */
  private async *conversationChunks(range: {
    from: number;
    to: number;
    wabaIds: string[];
  }): AsyncGenerator<MessageFactsRow[]> {
    const { from, to, wabaIds } = range;
    const wabas = `waba_id IN (${this.sql.params(3, wabaIds.length)})`;
    let after: { phone: string; contact: string } | null = null;
    for (;;) {
      const parameters: unknown[] = [from, to, ...wabaIds];
      let keyset = '';
      if (after !== null) {
        keyset = ` AND (phone_number_id, contact) > (${this.sql.params(parameters.length + 1, 2)})`;
        parameters.push(after.phone, after.contact);
      }
      const rows: MessageFactsRow[] = await this.sql.query(
        `SELECT ${MESSAGE_FACTS_COLUMNS} FROM messages
          WHERE sent_at >= ${this.sql.param(1)} AND sent_at < ${this.sql.param(2)} AND ${wabas}${keyset}
          ORDER BY phone_number_id, contact, sent_at, id LIMIT ${this.chunkRows}`,
        parameters,
      );
      if (rows.length === 0) return;
      let chunk = rows;
      if (rows.length === this.chunkRows) {
        // The last conversation may continue past the limit: leave it for the next read,
        // unless it is the only one, which is then read whole.
        const last = rows[rows.length - 1];
        chunk = rows.filter(
          (row) => row.phone_number_id !== last.phone_number_id || row.contact !== last.contact,
        );
        if (chunk.length === 0) {
          chunk = await this.sql.query(
            `SELECT ${MESSAGE_FACTS_COLUMNS} FROM messages
              WHERE sent_at >= ${this.sql.param(1)} AND sent_at < ${this.sql.param(2)} AND ${wabas}
                AND phone_number_id = ${this.sql.param(3 + wabaIds.length)} AND contact = ${this.sql.param(4 + wabaIds.length)}
              ORDER BY sent_at, id`,
            [from, to, ...wabaIds, last.phone_number_id, last.contact],
          );
        }
      }
      const tail = chunk[chunk.length - 1];
      after = { phone: tail.phone_number_id, contact: tail.contact };
      yield chunk;
      if (rows.length < this.chunkRows) return;
    }
  }

  /** The engine account of a WABA (from any of its numbers), or null when it has none. */
  async wabaAccount(wabaId: string): Promise<{ account: EngineAccount; phoneNumbers: number }> {
    const phones: { phone_number_id: string }[] = await this.sql.query(
      `SELECT phone_number_id FROM phone_numbers WHERE waba_id = ${this.sql.param(1)} ORDER BY phone_number_id`,
      [wabaId],
    );
    if (phones.length === 0) {
      await this.portfolioOf({ wabaId, portfolioId: null });
      throw new DomainError('NOT_FOUND', `WABA "${wabaId}" has no phone number`);
    }
    return {
      account: await this.accounts.engineAccount(phones[0].phone_number_id),
      phoneNumbers: phones.length,
    };
  }

  private async portfolioOf(scope: {
    wabaId: string | null;
    portfolioId: string | null;
  }): Promise<string> {
    if (scope.portfolioId) return scope.portfolioId;
    const rows: { portfolio_id: string }[] = await this.sql.query(
      `SELECT portfolio_id FROM wabas WHERE waba_id = ${this.sql.param(1)}`,
      [scope.wabaId],
    );
    if (rows.length === 0) throw new DomainError('NOT_FOUND', `unknown WABA "${scope.wabaId}"`);
    return rows[0].portfolio_id;
  }
}
