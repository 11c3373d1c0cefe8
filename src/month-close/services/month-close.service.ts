import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, Repository } from 'typeorm';
import type { WabaEntity } from '../../accounts/entities/waba.entity';
import { AccountsService } from '../../accounts/services/accounts.service';
import { ChargingService } from '../../charging/services/charging.service';
import { DomainError } from '../../common/errors/domain.error';
import { ExportFormat, ExportKind } from '../../common/graphql/enums';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { queryRecords } from '../../database/query-records.util';
import { SqlParameters, driverOf } from '../../database/sql-dialect';
import { ExportRunnerService } from '../../exports/services/export-runner.service';
import { MetaAnalyticsService } from '../../meta-analytics/services/meta-analytics.service';
import { NotificationsService } from '../../notifications/services/notifications.service';
import { toDecimalString } from '../../pricing/money';
import { addMonths, localDate, startOfLocalDate } from '../../pricing/time/local-time.util';
import { StatementService, type StatementResult } from '../../reports/services/statement.service';
import { parseMonth } from '../../reports/utils/parse-month.util';
import { MonthCloseEntity, type StatementExportIds } from '../entities/month-close.entity';
import { StatementRevisionEntity } from '../entities/statement-revision.entity';
import { statementFingerprint } from '../utils/statement-fingerprint.util';

const HOUR_MS = 60 * 60 * 1000;
/** A close claimed by a process that stopped answering is taken over after this long. */
const LEASE_MS = 30 * 60 * 1000;
/** Closed months whose statement is checked for late changes: the last three. */
const REVISION_WINDOW_MONTHS = 3;

/**
 * Closes each WABA's local month once, MONTH_CLOSE_DELAY_HOURS after it ends (late statuses
 * still arrive): re-rates the month, issues its statement as stored exports (PDF, XLSX, CSV),
 * pulls Meta's analytics for the month (when the WABA has a token) and notifies. The claim is a
 * row in month_closes (unique WABA × month), so several service processes close a month once.
 * A closed month whose figures later change (a late fact, a re-rate) gets a new revision of its
 * statement: the same number with `-R2`, `-R3`…
 */
@Injectable()
export class MonthCloseService {
  private readonly logger = new Logger(MonthCloseService.name);
  private readonly claimant = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MonthCloseEntity) private readonly closes: Repository<MonthCloseEntity>,
    @InjectRepository(StatementRevisionEntity)
    private readonly revisions: Repository<StatementRevisionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly charging: ChargingService,
    private readonly statements: StatementService,
    private readonly exports: ExportRunnerService,
    private readonly notifications: NotificationsService,
    private readonly analytics: MetaAnalyticsService,
  ) {}

  /**
   * The month each WABA closes at `now`: the last local month that ended at least
   * MONTH_CLOSE_DELAY_HOURS ago. Earlier months are not closed by the scheduler (closeMonth does).
   */
  dueMonth(waba: Pick<WabaEntity, 'timezone'>, now: Date): string {
    const shifted = new Date(now.getTime() - this.config.monthCloseDelayHours * HOUR_MS);
    return addMonths(localDate(shifted, waba.timezone).month, -1);
  }

  /** The scheduler's step: closes every WABA's due month that has charges, once. */
  async closeDueMonths(now: Date): Promise<MonthCloseEntity[]> {
    const closed: MonthCloseEntity[] = [];
    for (const waba of await this.accounts.listWabas()) {
      const month = this.dueMonth(waba, now);
      if (!(await this.hasCharges(waba.wabaId, month))) continue;
      const claimed = await this.claimClose(waba.wabaId, month, now);
      if (claimed !== null) closed.push(await this.runClose(claimed, waba, now));
    }
    return closed;
  }

  /**
   * An operator's close of one month now (the month must have ended): closes it if nobody has,
   * else issues a new revision if its figures changed. Returns the close as it stands.
   */
  async closeMonth(wabaId: string, month: string, now = new Date()): Promise<MonthCloseEntity> {
    parseMonth(month);
    const waba = (await this.accounts.listWabas()).find((candidate) => candidate.wabaId === wabaId);
    if (!waba) throw new DomainError('NOT_FOUND', `unknown WABA "${wabaId}"`);
    const end = startOfLocalDate(`${addMonths(month, 1)}-01`, waba.timezone);
    if (end.getTime() > now.getTime()) {
      throw new DomainError('BAD_USER_INPUT', `${month} has not ended yet in ${waba.timezone}`);
    }
    const claimed = await this.claimClose(wabaId, month, now);
    if (claimed !== null) return this.runClose(claimed, waba, now);
    const existing = await this.closes.findOneByOrFail({ wabaId, month });
    if (existing.status === 'DONE')
      return (await this.reviseIfChanged(existing, waba, now)) ?? existing;
    return existing;
  }

  /**
   * The scheduler's hourly step: each closed month of the last three whose figures changed gets
   * a new revision of its statement (one process does it: the revision is claimed on the row).
   */
  async reviseClosedMonths(now: Date): Promise<MonthCloseEntity[]> {
    const wabas = new Map((await this.accounts.listWabas()).map((waba) => [waba.wabaId, waba]));
    // DONE closes, and revisions whose process died (their lease ran out).
    const recent = (await this.closes.find()).filter((close) => {
      const revisable =
        close.status === 'DONE' ||
        (close.status === 'RUNNING' && close.revision > 0 && close.leaseUntil < now);
      if (!revisable) return false;
      const waba = wabas.get(close.wabaId);
      return (
        waba !== undefined &&
        close.month >= addMonths(localDate(now, waba.timezone).month, -REVISION_WINDOW_MONTHS)
      );
    });
    const revised: MonthCloseEntity[] = [];
    for (const close of recent) {
      const done = await this.reviseIfChanged(close, wabas.get(close.wabaId)!, now);
      if (done !== null) revised.push(done);
    }
    return revised;
  }

  list(wabaId: string | null, month: string | null): Promise<MonthCloseEntity[]> {
    return this.closes.find({
      where: { ...(wabaId ? { wabaId } : {}), ...(month ? { month } : {}) },
      order: { month: 'DESC', wabaId: 'ASC' },
    });
  }

  revisionsOf(wabaId: string, month: string): Promise<StatementRevisionEntity[]> {
    return this.revisions.find({ where: { wabaId, month }, order: { revision: 'ASC' } });
  }

  private async hasCharges(wabaId: string, month: string): Promise<boolean> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM charge_rollups
        WHERE waba_id = ${parameters.add(wabaId)} AND charge_month = ${parameters.add(month)}
          AND messages <> 0 LIMIT 1`,
      parameters.values,
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Claims the close: inserts its row, or takes over a RUNNING one whose lease ran out or a
   * FAILED one an hour old. Null when another process (or call) holds it or it is done.
   */
  private async claimClose(
    wabaId: string,
    month: string,
    now: Date,
  ): Promise<MonthCloseEntity | null> {
    const lease = now.getTime() + LEASE_MS;
    const insert = new SqlParameters(driverOf(this.dataSource));
    const inserted = await queryRecords<{ id: number | string }>(
      this.dataSource,
      `INSERT INTO month_closes (waba_id, month, status, revision, claimed_by, lease_until, updated_at)
       VALUES (${insert.list([wabaId, month, 'RUNNING', 0, this.claimant, lease, now.getTime()])})
       ON CONFLICT (waba_id, month) DO NOTHING RETURNING id`,
      insert.values,
    );
    let id = inserted[0]?.id;
    if (id === undefined) {
      const parameters = new SqlParameters(driverOf(this.dataSource));
      const taken = await queryRecords<{ id: number | string }>(
        this.dataSource,
        `UPDATE month_closes
            SET status = 'RUNNING', claimed_by = ${parameters.add(this.claimant)},
                lease_until = ${parameters.add(lease)}, updated_at = ${parameters.add(now.getTime())}
          WHERE waba_id = ${parameters.add(wabaId)} AND month = ${parameters.add(month)}
            AND revision = 0
            AND ((status = 'RUNNING' AND lease_until < ${parameters.add(now.getTime())})
              OR (status = 'FAILED' AND updated_at < ${parameters.add(now.getTime() - HOUR_MS)}))
          RETURNING id`,
        parameters.values,
      );
      id = taken[0]?.id;
    }
    return id === undefined ? null : this.closes.findOneByOrFail({ id: Number(id) });
  }

  /** Re-rates the claimed month, issues revision 1 of its statement, pulls Meta's month, notifies. */
  private async runClose(
    close: MonthCloseEntity,
    waba: WabaEntity,
    now: Date,
  ): Promise<MonthCloseEntity> {
    try {
      // A mid-month instant re-rates exactly this local month (repriceRange covers whole months).
      const middle = new Date(Date.parse(`${close.month}-15T12:00:00Z`));
      await this.charging.repriceRange({
        wabaIds: [close.wabaId],
        from: middle,
        to: new Date(middle.getTime() + 1),
      });
      const issued = await this.issue(close, waba, 1, now);
      await this.analytics.pullMonth(close.wabaId, close.month, now).catch((error: unknown) => {
        this.logger.warn(`Meta's analytics for ${close.wabaId} ${close.month}: ${String(error)}`);
      });
      return issued;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`closing ${close.month} of WABA ${close.wabaId} failed: ${message}`);
      await this.closes.update(
        { id: close.id },
        { status: 'FAILED', error: message.slice(0, 2000), updatedAt: new Date() },
      );
      return this.closes.findOneByOrFail({ id: close.id });
    }
  }

  /**
   * When the month's statement no longer has the figures of its current revision, claims the
   * next revision on the row (only one process gets it) and issues it.
   */
  private async reviseIfChanged(
    close: MonthCloseEntity,
    waba: WabaEntity,
    now: Date,
  ): Promise<MonthCloseEntity | null> {
    const statement = await this.statements.monthlyStatement({
      month: close.month,
      wabaId: close.wabaId,
    });
    if (statementFingerprint(statement) === close.fingerprint) return null;
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const claimed = await queryRecords<{ id: number }>(
      this.dataSource,
      `UPDATE month_closes
          SET status = 'RUNNING', claimed_by = ${parameters.add(this.claimant)},
              lease_until = ${parameters.add(now.getTime() + LEASE_MS)},
              updated_at = ${parameters.add(now.getTime())}
        WHERE id = ${parameters.add(close.id)} AND revision = ${parameters.add(close.revision)}
          AND (status = 'DONE' OR (status = 'RUNNING' AND lease_until < ${parameters.add(now.getTime())}))
        RETURNING id`,
      parameters.values,
    );
    if (claimed.length === 0) return null;
    try {
      return await this.issue(close, waba, close.revision + 1, now);
    } catch (error) {
      // The current revision stands; the next check tries again.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`revising ${close.month} of WABA ${close.wabaId} failed: ${message}`);
      await this.closes.update(
        { id: close.id },
        { status: 'DONE', error: message.slice(0, 2000), updatedAt: new Date() },
      );
      return null;
    }
  }

  /** Writes the statement's documents as stored exports, records the revision and notifies. */
  private async issue(
    close: MonthCloseEntity,
    waba: WabaEntity,
    revision: number,
    now: Date,
  ): Promise<MonthCloseEntity> {
    const statement = await this.statements.monthlyStatement({
      month: close.month,
      wabaId: close.wabaId,
      revision,
    });
    const exportIds = {} as StatementExportIds;
    const fileNames: Partial<Record<ExportFormat, string>> = {};
    for (const format of [ExportFormat.PDF, ExportFormat.XLSX, ExportFormat.CSV]) {
      const stored = await this.exports.createAndWait({
        kind: ExportKind.STATEMENT,
        format,
        month: close.month,
        wabaId: close.wabaId,
        currency: statement.currency,
        revision,
      });
      if (stored.status !== 'DONE') {
        throw new Error(`the statement's ${format} export failed: ${stored.error ?? 'unknown'}`);
      }
      exportIds[format] = stored.id;
      fileNames[format] = stored.fileName ?? `${stored.id}.${format.toLowerCase()}`;
    }
    // The documents were written from the figures at that moment: fingerprint those.
    const fingerprint = statementFingerprint(statement);
    await this.revisions.save(
      this.revisions.create({
        wabaId: close.wabaId,
        month: close.month,
        revision,
        statementNumber: statement.number,
        currency: statement.currency,
        exactTotal: toDecimalString(statement.exactTotal),
        total: statement.total.toFixed(),
        fingerprint,
        exportIds,
        issuedAt: statement.issuedAt,
      }),
    );
    await this.closes.update(
      { id: close.id },
      {
        status: 'DONE',
        revision,
        statementNumber: statement.number,
        currency: statement.currency,
        exactTotal: toDecimalString(statement.exactTotal),
        fingerprint,
        exportIds,
        error: null,
        closedAt: revision === 1 ? now : close.closedAt,
        updatedAt: new Date(),
      },
    );
    await this.notify(statement, waba, revision, exportIds, fileNames, now);
    return this.closes.findOneByOrFail({ id: close.id });
  }

  private async notify(
    statement: StatementResult,
    waba: WabaEntity,
    revision: number,
    exportIds: StatementExportIds,
    fileNames: Partial<Record<ExportFormat, string>>,
    now: Date,
  ): Promise<void> {
    const name = waba.name ?? `WABA ${waba.wabaId}`;
    const total = `${statement.currency} ${statement.total.toFixed()}`;
    await this.notifications.enqueue(
      {
        key: `statement:${statement.number}`,
        type: revision === 1 ? 'statement.issued' : 'statement.revised',
        occurredAt: statement.issuedAt,
        data: {
          wabaId: waba.wabaId,
          wabaName: waba.name,
          portfolioId: statement.portfolioId,
          month: statement.month,
          timezone: statement.timezone,
          statementNumber: statement.number,
          revision,
          currency: statement.currency,
          total: statement.total.toFixed(),
          exactTotal: toDecimalString(statement.exactTotal),
          billedMessages: statement.billedMessages,
          exports: (Object.keys(exportIds) as ExportFormat[]).map((format) => ({
            format,
            id: exportIds[format],
            fileName: fileNames[format],
            url: `/exports/${exportIds[format]}/download`,
          })),
        },
        email: {
          subject: `${revision === 1 ? 'Statement' : `Revised statement (revision ${revision})`} ${statement.number}: ${name}, ${statement.month}, ${total}`,
          text: [
            `${name} (${waba.wabaId}), ${statement.month} (${statement.timezone ?? waba.timezone}).`,
            `Statement ${statement.number}${revision > 1 ? `, revision ${revision}: late facts changed the month's figures` : ''}.`,
            `Total: ${total} (exact ${toDecimalString(statement.exactTotal)}), ${statement.billedMessages} billed messages.`,
            'The statement is attached as a PDF; the XLSX and CSV are stored exports.',
            "This statement is an estimate computed from the messages this service recorded. It is not Meta's invoice; Meta bills from its own records.",
          ].join('\n'),
          attachments: [
            {
              exportId: exportIds.PDF,
              fileName: fileNames.PDF ?? `${statement.number}.pdf`,
              contentType: 'application/pdf',
            },
          ],
        },
      },
      now,
    );
  }
}
