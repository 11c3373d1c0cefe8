import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/services/accounts.service';
import { ChargingService } from '../../charging/services/charging.service';
import { DomainError } from '../../common/errors/domain.error';
import { yieldToEventLoop } from '../../common/utils/yield-to-event-loop.util';
import { SqlDialect } from '../../database/sql-dialect';
import { DatabaseLocks } from '../../database/database-locks.service';
import { WriteLock } from '../../database/write-lock.service';
import { MessageStore, type KeyedFact } from '../../messages/services/message-store.service';
import { messageKey, PendingMessages } from '../../messages/utils/pending-messages.util';
import { parseWebhookBody } from '../parsers/parse-webhook-body.util';
import { WebhookFormatError } from '../parsers/webhook-format.error';
import { RawEventLog } from './raw-event-log.service';
import { WebhookEventApplier } from './webhook-event-applier.service';

/**
 * The single way facts enter: webhook bodies and send records are logged, merged into
 * messages, and the affected charges re-rated. Used by the webhook, GraphQL and bulk import.
 */
@Injectable()
export class IngestionService {
  private readonly sql: SqlDialect;
  private readonly webhookLog: GroupCommit;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly applier: WebhookEventApplier,
    private readonly store: MessageStore,
    private readonly charging: ChargingService,
    private readonly writeLock: WriteLock,
    private readonly locks: DatabaseLocks,
    private readonly accounts: AccountsService,
    rawEventLog: RawEventLog,
  ) {
    this.sql = new SqlDialect(dataSource);
    this.webhookLog = new GroupCommit((bodies) => rawEventLog.append(bodies, 'webhook', false));
  }

  /** Parses a raw body (400-class DomainError when it is not a WhatsApp webhook). */
  parseBody(rawBody: string): unknown {
    try {
      return JSON.parse(rawBody) as unknown;
    } catch {
      throw new DomainError('BAD_USER_INPUT', 'the body is not JSON');
    }
  }

  /**
   * Validates a webhook body (400-class DomainError when it is not a WhatsApp webhook) and logs
   * it for the queue. Returns false for a body already logged (Meta retries).
   */
  async acceptWebhookBody(
    rawBody: string,
  ): Promise<{ accepted: boolean; events: number; problems: string[] }> {
    const { events, problems } = this.parseEvents(this.parseBody(rawBody));
    const accepted = await this.webhookLog.append(rawBody);
    return { accepted, events: events.length, problems };
  }

  parseEvents(body: unknown): ReturnType<typeof parseWebhookBody> {
    try {
      return parseWebhookBody(body);
    } catch (error) {
      if (error instanceof WebhookFormatError)
        throw new DomainError('BAD_USER_INPUT', error.message);
      throw error;
    }
  }

  /**
   * Applies parsed events under the write lock. 'incremental' re-rates what they affect now,
   * holding the batch's new messages in memory meanwhile so that each is written once, with its
   * charge; 'deferred' only stores facts and returns the changed ids so a bulk import can re-rate
   * whole months once at the end (holding new messages in `pending` while it has room); 'retry'
   * re-rates every message the events touch, changed or not (a retried body's facts may have
   * been stored by the attempt that failed to re-rate).
   */
  applyParsed(
    events: Parameters<WebhookEventApplier['apply']>[0],
    mode: 'incremental' | 'deferred' | 'retry',
    pending?: PendingMessages,
  ): Promise<number[]> {
    return this.writeLock.run(() =>
      this.lockPortfolios(
        events.map((event) => event.wabaId),
        () => this.applyParsedLocked(events, mode, pending),
      ),
    );
  }

  private async applyParsedLocked(
    events: Parameters<WebhookEventApplier['apply']>[0],
    mode: 'incremental' | 'deferred' | 'retry',
    pending?: PendingMessages,
  ): Promise<number[]> {
    const applied = await this.applier.apply(events);
    await yieldToEventLoop();
    const holding =
      mode === 'deferred'
        ? pending
        : mode === 'incremental'
          ? new PendingMessages(applied.facts.length)
          : undefined;
    const stored = await this.store.applyFacts(applied.facts, holding);
    const recategorised = await this.messagesUsingTemplates(applied.recategorised);
    await yieldToEventLoop();
    const ids = [
      ...new Set([...(mode === 'retry' ? stored.touched : stored.changed), ...recategorised]),
    ];
    if (mode === 'deferred') return ids;
    await this.charging.rerateMessages(ids, holding);
    if (holding !== undefined) await this.storeUnwritten(applied.facts, holding);
    return ids;
  }

  /**
   * Runs work on the messages of the WABAs' portfolios while no other process works on them:
   * their conversations and tier counters are shared, and read-merge-write must not interleave.
   */
  private async lockPortfolios<T>(wabaIds: string[], work: () => Promise<T>): Promise<T> {
    return this.locks.forPortfolios(await this.accounts.portfolioIdsOf(wabaIds), work);
  }

  /**
   * Held messages the re-rating did not write (another process stored the same message
   * meanwhile, or the message has no instant to be charged at) are stored the ordinary way.
   */
  private async storeUnwritten(facts: KeyedFact[], held: PendingMessages): Promise<void> {
    const keys = held.unwrittenKeys();
    if (keys.size === 0) return;
    const { changed } = await this.store.applyFacts(
      facts.filter((fact) => keys.has(messageKey(fact.phoneNumberId, fact.wamid))),
    );
    await this.charging.rerateMessages(changed);
  }

  applyFacts(
    facts: KeyedFact[],
    mode: 'incremental' | 'deferred',
    pending?: PendingMessages,
  ): Promise<number[]> {
    return this.writeLock.run(() =>
      this.lockPortfolios(
        facts.map((fact) => fact.wabaId),
        async () => {
          const { changed } = await this.store.applyFacts(
            facts,
            mode === 'deferred' ? pending : undefined,
          );
          if (mode === 'incremental') await this.charging.rerateMessages(changed);
          return changed;
        },
      ),
    );
  }

  private async messagesUsingTemplates(
    changes: { wabaId: string; templateName: string; effectiveAt: Date }[],
  ): Promise<number[]> {
    const ids: number[] = [];
    for (const change of changes) {
      const rows: { id: number | string }[] = await this.sql.query(
        `SELECT id FROM messages WHERE waba_id = ${this.sql.param(1)} AND template_name = ${this.sql.param(2)} AND sent_at >= ${this.sql.param(3)}`,
        [change.wabaId, change.templateName, change.effectiveAt.getTime()],
      );
      ids.push(...rows.map((row) => Number(row.id)));
    }
    return ids;
  }
}

/**
 * Webhook bodies arriving together are logged in one transaction: each request still waits
 * until its body is durable, but concurrent requests share one commit, and bodies arriving
 * while commits are under way share the next. Two commits may be under way at once, so that
 * one's round trips and flush to disk overlap the other's (the queue does not depend on the
 * order in which they land: it takes whatever is logged and not yet applied).
 */
const COMMITS_UNDER_WAY = 2;

class GroupCommit {
  private queued: {
    body: string;
    resolve: (fresh: boolean) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private scheduled = false;
  private writing = 0;

  constructor(private readonly write: (bodies: string[]) => Promise<boolean[]>) {}

  append(body: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queued.push({ body, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing >= COMMITS_UNDER_WAY || this.queued.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    this.scheduled = false;
    this.writing += 1;
    try {
      const fresh = await this.write(batch.map((entry) => entry.body));
      for (const [index, entry] of batch.entries()) entry.resolve(fresh[index]);
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.writing -= 1;
      this.schedule();
    }
  }
}
