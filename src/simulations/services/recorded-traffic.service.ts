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
  /** Every message that can matter: the months plus 96 h of context before them. */
  messages: EngineMessage[];
  accounts: Map<string, EngineAccount>;
  wabaOfPhone: Map<string, string>;
  /** The WABAs whose messages are reported (the others of the portfolio only feed counters). */
  reportedWabas: Set<string>;
  wabaIds: string[];
  portfolioId: string;
}

/**
 * Loads a WABA's (or portfolio's) recorded messages for a range of local months, as engine
 * messages built exactly as the charging's MessageClassifier builds them (same columns, window,
 * delivery state and template category at the time of use). A WABA's volume-tier counters are
 * shared with the other WABAs of its portfolio, so their messages are loaded as well.
 */
@Injectable()
export class RecordedTrafficService {
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly templateCategories: TemplateCategoryBook,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  async load(scope: {
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
    const rows: MessageFactsRow[] = await this.sql.query(
      `SELECT ${MESSAGE_FACTS_COLUMNS} FROM messages WHERE sent_at >= ${this.sql.param(1)} AND sent_at < ${this.sql.param(2)} AND waba_id IN (${this.sql.params(3, wabaIds.length)})`,
      [start - TIMEZONE_MARGIN_MS - CHARGE_CONTEXT_MS, end + TIMEZONE_MARGIN_MS, ...wabaIds],
    );
    const accounts = new Map<string, EngineAccount>();
    const wabaOfPhone = new Map<string, string>();
    for (const row of rows) {
      if (!accounts.has(row.phone_number_id)) {
        accounts.set(row.phone_number_id, await this.accounts.engineAccount(row.phone_number_id));
        wabaOfPhone.set(row.phone_number_id, row.waba_id);
      }
    }
    await this.templateCategories.ensureLoaded();
    return {
      messages: rows.map((row) => toEngineMessage(row, this.templateCategories)),
      accounts,
      wabaOfPhone,
      reportedWabas: new Set(scope.wabaId ? [scope.wabaId] : wabaIds),
      wabaIds,
      portfolioId,
    };
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
