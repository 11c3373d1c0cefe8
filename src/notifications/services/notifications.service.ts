import { SERVICE_CALLER } from '../../common/auth/caller.decorator';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, In, LessThan, Repository } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { queryRecords } from '../../database/query-records.util';
import { SqlParameters, driverOf } from '../../database/sql-dialect';
import { ExportRunnerService } from '../../exports/services/export-runner.service';
import { NotificationAttemptEntity } from '../entities/notification-attempt.entity';
import { NotificationDeliveryEntity } from '../entities/notification-delivery.entity';
import type { EmailPayload, NotificationChannel, NotificationEvent } from '../notification.types';
import { signNotificationBody } from '../utils/sign-notification-body.util';

/** A claimed delivery is another process's for this long; then it is taken over. */
const LEASE_MS = 2 * 60_000;
const CALLBACK_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;
const BATCH = 50;

interface Outcome {
  succeeded: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Notifications on each configured channel — a signed HTTP callback (NOTIFY_CALLBACK_URL) and
 * e-mail (SMTP_URL) — through the notification_deliveries table: an event is stored once per
 * channel (unique event key), a process claims a due delivery before sending it (so two
 * processes never send the same one), failures are retried with exponential backoff
 * (NOTIFY_RETRY_BASE_SECONDS doubled each time, up to NOTIFY_MAX_ATTEMPTS), and every attempt is
 * logged in notification_attempts. A process that stops with deliveries due sends them at its
 * next start; one that died while sending leaves its claim to expire, and the delivery is sent
 * again (at least once: receivers deduplicate by X-Billing-Event-Id).
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private transporter: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private dispatching: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(NotificationDeliveryEntity)
    private readonly deliveries: Repository<NotificationDeliveryEntity>,
    @InjectRepository(NotificationAttemptEntity)
    private readonly attempts: Repository<NotificationAttemptEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly exports: ExportRunnerService,
  ) {}

  /** The channels configured on this server. */
  channels(): NotificationChannel[] {
    return [
      ...(this.config.callback ? (['WEBHOOK'] as const) : []),
      ...(this.config.smtp ? (['EMAIL'] as const) : []),
    ];
  }

  /**
   * Stores the event for each configured channel, once: raising the same key again changes
   * nothing. Its first attempt is due at `now`. Returns the number of deliveries created.
   */
  async enqueue(event: NotificationEvent, now: Date = new Date()): Promise<number> {
    let created = 0;
    for (const channel of this.channels()) {
      const payload =
        channel === 'WEBHOOK'
          ? JSON.stringify({
              id: event.key,
              type: event.type,
              occurredAt: event.occurredAt.toISOString(),
              data: event.data,
            })
          : JSON.stringify({
              subject: event.email.subject,
              text: event.email.text,
              attachments: event.email.attachments ?? [],
            } satisfies EmailPayload);
      const parameters = new SqlParameters(driverOf(this.dataSource));
      const rows = await queryRecords<{ id: number }>(
        this.dataSource,
        `INSERT INTO notification_deliveries
           (event_key, event_type, channel, payload, status, attempts, next_attempt_at, created_at)
         VALUES (${parameters.list([event.key, event.type, channel, payload, 'PENDING', 0, now.getTime(), Date.now()])})
         ON CONFLICT (event_key, channel) DO NOTHING RETURNING id`,
        parameters.values,
      );
      created += rows.length;
    }
    if (created > 0) this.wake(0);
    return created;
  }

  /**
   * Keeps sending due deliveries in this process: after each round, the timer is set for the
   * next due retry (and the scheduler's tick calls dispatchDue too). Only the server runs it.
   */
  startDispatcher(): void {
    this.running = true;
    this.wake(0);
  }

  /** Sends every delivery due at `now` that no other process holds; returns how many it tried. */
  dispatchDue(now: Date = new Date()): Promise<number> {
    // One round at a time in a process; a second caller waits for the same round.
    this.dispatching ??= this.dispatchRound(now).finally(() => {
      this.dispatching = null;
    });
    return this.dispatching;
  }

  /** A page of the delivery log, newest first: the deliveries before `beforeId` (null: the newest). */
  async page(
    status: string | null,
    first: number,
    beforeId: number | null,
  ): Promise<{
    deliveries: { delivery: NotificationDeliveryEntity; attempts: NotificationAttemptEntity[] }[];
    hasNextPage: boolean;
    totalCount: number;
  }> {
    const where = status ? { status } : {};
    const [found, totalCount] = await Promise.all([
      this.deliveries.find({
        where: beforeId === null ? where : { ...where, id: LessThan(beforeId) },
        order: { id: 'DESC' },
        take: first + 1,
      }),
      this.deliveries.count({ where }),
    ]);
    const deliveries = found.slice(0, first);
    const attempts =
      deliveries.length === 0
        ? []
        : await this.attempts.find({
            where: { deliveryId: In(deliveries.map((delivery) => delivery.id)) },
            order: { id: 'ASC' },
          });
    return {
      deliveries: deliveries.map((delivery) => ({
        delivery,
        attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
      })),
      hasNextPage: found.length > first,
      totalCount,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.dispatching?.catch(() => undefined);
    this.transporter?.close();
  }

  private wake(delayMs: number): void {
    if (!this.running || this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.dispatchDue()
          .catch((error: unknown) =>
            this.logger.error(`notification dispatch failed: ${String(error)}`),
          )
          .then(() => this.scheduleNext());
      },
      Math.max(0, delayMs),
    );
    this.timer.unref();
  }

  private async scheduleNext(): Promise<void> {
    if (!this.running || this.stopped) return;
    const next = await this.deliveries.findOne({
      where: { status: 'PENDING' },
      order: { nextAttemptAt: 'ASC' },
    });
    if (next) this.wake(next.nextAttemptAt.getTime() - Date.now());
  }

  private async dispatchRound(now: Date): Promise<number> {
    let tried = 0;
    for (;;) {
      const parameters = new SqlParameters(driverOf(this.dataSource));
      const due = (await this.dataSource.query(
        `SELECT id FROM notification_deliveries
          WHERE (status = 'PENDING' AND next_attempt_at <= ${parameters.add(now.getTime())})
             OR (status = 'SENDING' AND lease_until < ${parameters.add(now.getTime())})
          ORDER BY id LIMIT ${parameters.add(BATCH)}`,
        parameters.values,
      )) as { id: number | string }[];
      let claimedAny = false;
      for (const { id } of due) {
        const delivery = await this.claim(Number(id), now);
        if (delivery === null) continue;
        claimedAny = true;
        tried += 1;
        await this.send(delivery, now);
      }
      if (!claimedAny || due.length < BATCH) return tried;
    }
  }

  /** Takes a due delivery for this process, or null when another has it or it is no longer due. */
  private async claim(id: number, now: Date): Promise<NotificationDeliveryEntity | null> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const claimed = await queryRecords<{ id: number }>(
      this.dataSource,
      `UPDATE notification_deliveries
          SET status = 'SENDING', lease_until = ${parameters.add(now.getTime() + LEASE_MS)}
        WHERE id = ${parameters.add(id)}
          AND ((status = 'PENDING' AND next_attempt_at <= ${parameters.add(now.getTime())})
            OR (status = 'SENDING' AND lease_until < ${parameters.add(now.getTime())}))
        RETURNING id`,
      parameters.values,
    );
    return claimed.length === 0 ? null : this.deliveries.findOneBy({ id });
  }

  private async send(delivery: NotificationDeliveryEntity, now: Date): Promise<void> {
    const started = Date.now();
    let outcome: Outcome;
    try {
      outcome =
        delivery.channel === 'WEBHOOK'
          ? await this.sendCallback(delivery)
          : await this.sendEmail(delivery);
    } catch (error) {
      outcome = {
        succeeded: false,
        statusCode: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    const attempt = delivery.attempts + 1;
    await this.attempts.save(
      this.attempts.create({
        deliveryId: delivery.id,
        attempt,
        attemptedAt: new Date(started),
        succeeded: outcome.succeeded,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 2000) ?? null,
        durationMs: Date.now() - started,
      }),
    );
    const finalFailure = !outcome.succeeded && attempt >= this.config.notifyMaxAttempts;
    const backoff = Math.min(
      this.config.notifyRetryBaseSeconds * 1000 * 2 ** (attempt - 1),
      MAX_BACKOFF_MS,
    );
    await this.deliveries.update(
      { id: delivery.id },
      {
        status: outcome.succeeded ? 'DELIVERED' : finalFailure ? 'FAILED' : 'PENDING',
        attempts: attempt,
        leaseUntil: null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error?.slice(0, 2000) ?? null,
        deliveredAt: outcome.succeeded ? new Date() : null,
        nextAttemptAt: new Date(now.getTime() + (outcome.succeeded ? 0 : backoff)),
      },
    );
    if (!outcome.succeeded) {
      this.logger.warn(
        `notification ${delivery.eventKey} (${delivery.channel}) attempt ${attempt} failed: ${outcome.error ?? ''}${
          finalFailure ? '; giving up' : ''
        }`,
      );
    }
  }

  private async sendCallback(delivery: NotificationDeliveryEntity): Promise<Outcome> {
    const callback = this.config.callback;
    if (callback === null) {
      return { succeeded: false, statusCode: null, error: 'NOTIFY_CALLBACK_URL is not set' };
    }
    const response = await fetch(callback.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'whatsapp-billing-notifications',
        'X-Billing-Event': delivery.eventType,
        'X-Billing-Event-Id': delivery.eventKey,
        'X-Billing-Delivery': String(delivery.id),
        'X-Billing-Signature-256': signNotificationBody(delivery.payload, callback.secret),
      },
      body: delivery.payload,
      signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok
      ? { succeeded: true, statusCode: response.status, error: null }
      : {
          succeeded: false,
          statusCode: response.status,
          error: `the callback answered HTTP ${response.status}`,
        };
  }

  private async sendEmail(delivery: NotificationDeliveryEntity): Promise<Outcome> {
    const smtp = this.config.smtp;
    if (smtp === null) return { succeeded: false, statusCode: null, error: 'SMTP_URL is not set' };
    const message = JSON.parse(delivery.payload) as EmailPayload;
    const attachments = [];
    for (const attachment of message.attachments) {
      const { path } = await this.exports.downloadable(attachment.exportId, SERVICE_CALLER);
      attachments.push({
        filename: attachment.fileName,
        path,
        contentType: attachment.contentType,
      });
    }
    this.transporter ??= createTransport(smtp.url);
    const info = (await this.transporter.sendMail({
      from: smtp.from,
      to: smtp.to,
      subject: message.subject,
      text: message.text,
      attachments,
      headers: { 'X-Billing-Event-Id': delivery.eventKey },
    })) as { response?: string };
    const code = /^(\d{3})/.exec(info.response ?? '')?.[1];
    return { succeeded: true, statusCode: code ? Number(code) : null, error: null };
  }
}
