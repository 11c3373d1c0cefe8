import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ChargingService } from '../../charging/services/charging.service';
import { DomainError } from '../../common/errors/domain.error';
import { SqlDialect } from '../../database/sql-dialect';
import { WriteLock } from '../../database/write-lock.service';
import { MessageStore, type KeyedFact } from '../../messages/services/message-store.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { parseWebhookBody } from '../parsers/parse-webhook-body.util';
import { WebhookFormatError } from '../parsers/webhook-format.error';
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
  ) {
    this.sql = new SqlDialect(dataSource);
    this.webhookLog = new GroupCommit((bodies) =>
      this.appendHashedRawEvents(bodies, 'webhook', false),
    );
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
   * it for the queue. Returns false for a body already logged (Meta retries). `parsed` is the
   * body as JSON when the caller has parsed it already.
   */
  async acceptWebhookBody(
    rawBody: string,
    parsed?: unknown,
  ): Promise<{ accepted: boolean; events: number; problems: string[] }> {
    const { events, problems } = this.parseEvents(parsed ?? this.parseBody(rawBody));
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
   * Applies parsed events under the write lock. 'incremental' re-rates what they affect now;
   * 'deferred' only stores facts and returns the changed ids so a bulk import can re-rate whole
   * months once at the end (holding new messages in `pending` while it has room); 'retry'
   * re-rates every message the events touch, changed or not (a retried body's facts may have
   * been stored by the attempt that failed to re-rate).
   */
  applyParsed(
    events: Parameters<WebhookEventApplier['apply']>[0],
    mode: 'incremental' | 'deferred' | 'retry',
    pending?: PendingMessages,
  ): Promise<number[]> {
    return this.writeLock.run(async () => {
      const applied = await this.applier.apply(events);
      const stored = await this.store.applyFacts(
        applied.facts,
        mode === 'deferred' ? pending : undefined,
      );
      const recategorised = await this.messagesUsingTemplates(applied.recategorised);
      const ids = [
        ...new Set([...(mode === 'retry' ? stored.touched : stored.changed), ...recategorised]),
      ];
      if (mode !== 'deferred') await this.charging.rerateMessages(ids);
      return ids;
    });
  }

  applyFacts(
    facts: KeyedFact[],
    mode: 'incremental' | 'deferred',
    pending?: PendingMessages,
  ): Promise<number[]> {
    return this.writeLock.run(async () => {
      const { changed } = await this.store.applyFacts(
        facts,
        mode === 'deferred' ? pending : undefined,
      );
      if (mode === 'incremental') await this.charging.rerateMessages(changed);
      return changed;
    });
  }

  /** Appends bodies not seen before to the raw event log; returns the hashes of the new ones. */
  appendRawEvents(
    bodies: string[],
    source: 'webhook' | 'import',
    processed: boolean,
  ): Promise<Set<string>> {
    return this.appendHashedRawEvents(
      bodies.map((body) => ({ sha: sha256(body), body })),
      source,
      processed,
    );
  }

  private async appendHashedRawEvents(
    bodies: readonly HashedBody[],
    source: 'webhook' | 'import',
    processed: boolean,
  ): Promise<Set<string>> {
    const bySha = new Map<string, string>();
    for (const { sha, body } of bodies) bySha.set(sha, body);
    const receivedAt = Date.now();
    const inserted = await this.sql.insertMany(
      'raw_events',
      [
        { name: 'received_at', kind: 'bigint' },
        { name: 'source', kind: 'text' },
        { name: 'body_sha256', kind: 'text' },
        { name: 'body', kind: 'text' },
        { name: 'processed_at', kind: 'bigint' },
      ],
      [...bySha].map(([sha, body]) => [
        receivedAt,
        source,
        sha,
        body,
        processed ? receivedAt : null,
      ]),
      { returning: 'body_sha256', conflictTarget: ['body_sha256'] },
    );
    // Bodies repeated inside the same batch, or logged before, count as duplicates.
    return new Set(inserted as string[]);
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

export function sha256(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

interface HashedBody {
  sha: string;
  body: string;
}

/**
 * Webhook bodies arriving together are logged in one transaction: each request still waits
 * until its body is durable, but concurrent requests share one commit.
 */
class GroupCommit {
  private queued: (HashedBody & {
    resolve: (fresh: boolean) => void;
    reject: (error: unknown) => void;
  })[] = [];
  private scheduled = false;

  constructor(private readonly write: (bodies: HashedBody[]) => Promise<Set<string>>) {}

  append(body: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queued.push({ sha: sha256(body), body, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    this.scheduled = false;
    try {
      const fresh = await this.write(batch);
      for (const entry of batch) entry.resolve(fresh.has(entry.sha));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
