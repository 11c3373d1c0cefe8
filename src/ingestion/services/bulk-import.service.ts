import { Inject, Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ChargingService, type RepriceProgress } from '../../charging/services/charging.service';
import { CHARGE_CONTEXT_MS } from '../../charging/utils/engine-message-row.util';
import { OverlappedWrites } from '../../database/overlapped-writes.util';
import { PlannerStatistics } from '../../database/planner-statistics.service';
import { messageKey, PendingMessages } from '../../messages/utils/pending-messages.util';
import type { SendApi, TemplateCategory } from '../../pricing/pricing.types';
import type { WebhookEvent } from '../parsers/webhook-event.types';
import { IngestionService } from './ingestion.service';
import { RawEventLog } from './raw-event-log.service';
import { readSendLogCsv } from '../utils/send-log-csv.util';
import { SendLogService, type SentMessageRecord } from './send-log.service';

export interface ImportSummary {
  format: 'jsonl' | 'csv';
  linesRead: number;
  stored: number;
  duplicates: number;
  rejected: { line: number; message: string }[];
  messagesChanged: number;
  repricedMessages: number;
}

/** Lines with at least one problem (a line may have several). */
export function rejectedLineCount(summary: ImportSummary): number {
  return new Set(summary.rejected.map((problem) => problem.line)).size;
}

/** Where an import is: lines read in the first pass, then the re-rate month by month. */
export type ImportProgress =
  { phase: 'read'; lines: number } | ({ phase: 'rerate' } & RepriceProgress);

/** A step an import awaits: a batch of lines stored (with the bytes read so far), a month re-rated. */
export type ImportStep =
  | { phase: 'read'; lines: number; bytesRead: number }
  | { phase: 'rerate'; month: string; share: number };

export interface ImportOptions {
  /**
   * Re-rates the file's whole span even when this run changed no message: an earlier run of the
   * same file (an interrupted import job) may have stored its facts and stopped before its re-rate.
   */
  rerateWholeSpan?: boolean;
  /** Awaited after each batch stored and each month re-rated; what it throws stops the import. */
  onStep?(step: ImportStep): Promise<void>;
}

export { MESSAGES_CSV_COLUMNS } from '../constants/messages-csv-columns.constant';

// Large batches: SQLite writes each dirtied index page once per commit, and the raw log's
// sha256 index is dirtied at random.
const BATCH_LINES = 20_000;

/**
 * The first pass over a file stores its facts, holding new messages in `pending`; a replay
 * applies again, one by one, the facts of the messages `replay` names (by `messageKey`).
 */
type ImportPass = { pending: PendingMessages } | { replay: ReadonlySet<string> };

/**
 * Imports a file of webhook bodies (JSONL) or a messages CSV (the send log). Facts are merged in
 * batches; charges are re-rated once at the end, month by month, for the time span touched.
 * New messages (up to `heldMessagesLimit`) are held in memory meanwhile and written once, with
 * their charge; the rest are stored at once and charged in the same pass.
 * A bad line is reported with its number and never stops the good ones.
 */
@Injectable()
export class BulkImportService {
  /** Beyond it, an import stores new messages first and charges them after (two writes each). */
  heldMessagesLimit: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ingestion: IngestionService,
    private readonly rawEventLog: RawEventLog,
    private readonly sendLog: SendLogService,
    private readonly charging: ChargingService,
    private readonly statistics: PlannerStatistics,
  ) {
    this.heldMessagesLimit = config.importHeldMessages;
  }

  async importFile(
    path: string,
    onProgress?: (progress: ImportProgress) => void,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const format = path.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
    const summary: ImportSummary = {
      format,
      linesRead: 0,
      stored: 0,
      duplicates: 0,
      rejected: [],
      messagesChanged: 0,
      repricedMessages: 0,
    };
    const span = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
    const pending = new PendingMessages(this.heldMessagesLimit, true);
    const read = format === 'csv' ? this.importCsv.bind(this) : this.importJsonl.bind(this);
    const { onStep } = options;
    await read(path, summary, span, { pending }, async (lines, bytesRead) => {
      onProgress?.({ phase: 'read', lines });
      await onStep?.({ phase: 'read', lines, bytesRead });
    });
    // The re-rate reads the messages the first pass stored (those it could not hold).
    await this.statistics.refresh({ now: true });
    // The span covers every line read, duplicates too, so that a whole-span re-rate covers
    // what an earlier run stored.
    if ((summary.messagesChanged > 0 || options.rerateWholeSpan) && Number.isFinite(span.min)) {
      summary.repricedMessages = await this.charging.repriceRange(
        {
          wabaIds: null,
          from: new Date(span.min),
          // A late customer or referral message changes charges up to 96 h after it.
          to: new Date(span.max + CHARGE_CONTEXT_MS + 1),
        },
        pending,
        {
          onMessages: onProgress && ((progress) => onProgress({ phase: 'rerate', ...progress })),
          onMonth: onStep && ((month, share) => onStep({ phase: 'rerate', month, share })),
        },
      );
    }
    // A held message another writer stored meanwhile (or that no month took) is merged with
    // what is stored: the file is read again for its facts alone.
    const unwritten = pending.unwrittenKeys();
    if (unwritten.size > 0) {
      await read(path, { ...summary, rejected: [] }, { ...span }, { replay: unwritten });
    }
    return summary;
  }

  private async importJsonl(
    path: string,
    summary: ImportSummary,
    span: { min: number; max: number },
    pass: ImportPass,
    onProgress?: (lines: number, bytesRead: number) => Promise<void>,
  ): Promise<void> {
    const input = createReadStream(path, 'utf8');
    const lines = createInterface({ input, crlfDelay: Infinity });
    type Batch = { bodies: string[]; events: WebhookEvent[]; lastLine: number; bytesRead: number };
    // Lines are logged in file order, one batch after another, even with two batches under way.
    let logged: Promise<unknown> = Promise.resolve();
    const write = async (current: Batch) => {
      if ('replay' in pass) {
        const events = current.events.filter(
          (event) =>
            'wamid' in event &&
            event.phoneNumberId !== undefined &&
            pass.replay.has(messageKey(event.phoneNumberId, event.wamid)),
        );
        if (events.length > 0) await this.ingestion.applyParsed(events, 'incremental');
        return;
      }
      // The raw log is written (on SQLite, by its own thread) while the facts are applied.
      const appended = logged.then(() => this.rawEventLog.append(current.bodies, 'import', true));
      logged = appended.catch(() => undefined);
      const [fresh, changed] = await Promise.all([
        appended.then((flags) => flags.filter(Boolean).length),
        this.ingestion.applyParsed(current.events, 'deferred', pass.pending),
      ]);
      summary.messagesChanged += changed.length;
      summary.stored += fresh;
      summary.duplicates += current.bodies.length - fresh;
      await this.statistics.refresh();
      await onProgress?.(current.lastLine, current.bytesRead);
    };
    let batch: Batch = { bodies: [], events: [], lastLine: 0, bytesRead: 0 };
    // Two batches under way: the raw log's thread may still be appending one while the facts of
    // the next are applied here.
    const writes = new OverlappedWrites<Batch>(write, 2);
    const flush = async () => {
      if (batch.bodies.length === 0) return;
      const current = { ...batch, lastLine: summary.linesRead, bytesRead: input.bytesRead };
      batch = { bodies: [], events: [], lastLine: 0, bytesRead: 0 };
      await writes.start(current);
    };
    try {
      for await (const text of lines) {
        summary.linesRead += 1;
        const lineNumber = summary.linesRead;
        // A byte-order mark (some editors save one) is not part of the first body.
        const line = lineNumber === 1 ? text.replace(/^\uFEFF/, '') : text;
        if (line.trim() === '') continue;
        try {
          const parsed = this.ingestion.parseEvents(this.ingestion.parseBody(line));
          for (const problem of parsed.problems)
            summary.rejected.push({ line: lineNumber, message: problem });
          if (parsed.events.length === 0) {
            if (parsed.problems.length === 0)
              summary.rejected.push({
                line: lineNumber,
                message: 'no events in this webhook body',
              });
            continue;
          }
          for (const event of parsed.events) trackSpan(span, event);
          batch.bodies.push(line);
          batch.events.push(...parsed.events);
        } catch (error) {
          summary.rejected.push({
            line: lineNumber,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        if (batch.bodies.length >= BATCH_LINES) await flush();
      }
      await flush();
      await writes.settled();
    } catch (error) {
      // Stopped half-way (a failed batch, a job told to stop): the other batch under way ends
      // first, since a stopping process closes the database next.
      await writes.settled().catch(() => undefined);
      throw error;
    } finally {
      input.destroy();
    }
  }

  private async importCsv(
    path: string,
    summary: ImportSummary,
    span: { min: number; max: number },
    pass: ImportPass,
    onProgress?: (lines: number, bytesRead: number) => Promise<void>,
  ): Promise<void> {
    const input = createReadStream(path, 'utf8');
    let batch: { record: SentMessageRecord; line: number }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      if ('replay' in pass) {
        const records = batch
          .map((entry) => entry.record)
          .filter((record) =>
            pass.replay.has(messageKey(record.phoneNumberId.trim(), record.wamid.trim())),
          );
        if (records.length > 0) await this.sendLog.record(records, 'incremental');
        batch = [];
        return;
      }
      const result = await this.sendLog.record(
        batch.map((entry) => entry.record),
        'deferred',
        0,
        pass.pending,
      );
      for (const problem of result.summary.rejected)
        summary.rejected.push({ line: batch[problem.index].line, message: problem.message });
      summary.stored += result.summary.accepted;
      summary.messagesChanged += result.changedIds.length;
      batch = [];
      await this.statistics.refresh();
      await onProgress?.(summary.linesRead, input.bytesRead);
    };
    try {
      for await (const item of readSendLogCsv(input)) {
        summary.linesRead += 1;
        if ('problem' in item) {
          summary.rejected.push({ line: item.line, message: item.problem });
          continue;
        }
        const { record } = item;
        const sentAt = new Date(record.sent_at ?? '');
        if (!Number.isNaN(sentAt.getTime())) {
          span.min = Math.min(span.min, sentAt.getTime());
          span.max = Math.max(span.max, sentAt.getTime() + 30 * 24 * 60 * 60 * 1000);
        }
        batch.push({
          line: item.line,
          record: {
            wamid: record.wamid ?? '',
            phoneNumberId: record.phone_number_id ?? '',
            to: record.to ?? '',
            sentAt,
            templateName: record.template_name || null,
            templateLanguage: record.template_language || null,
            templateCategory: (record.template_category?.toUpperCase() ||
              null) as TemplateCategory | null,
            api: (record.api?.toUpperCase() || 'CLOUD_API') as SendApi,
          },
        });
        if (batch.length >= BATCH_LINES) await flush();
      }
      await flush();
    } finally {
      input.destroy();
    }
  }
}

function trackSpan(span: { min: number; max: number }, event: WebhookEvent): void {
  const at =
    'timestamp' in event
      ? event.timestamp.getTime()
      : 'categoryUpdateTime' in event
        ? event.categoryUpdateTime.getTime()
        : null;
  if (at === null) return;
  span.min = Math.min(span.min, at);
  // A recategorisation changes every later use of the template, up to now.
  span.max = Math.max(span.max, event.type === 'template_category_update' ? Date.now() : at);
}
