import { Injectable } from '@nestjs/common';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { KeyedFact } from '../../messages/services/message-store.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import type { SendApi, TemplateCategory } from '../../pricing/pricing.types';
import type { IngestResultOutput } from '../dtos/outputs/ingest-result.output';
import { IngestionService } from './ingestion.service';
import { digits } from './webhook-event-applier.service';

export interface SentMessageRecord {
  wamid: string;
  phoneNumberId: string;
  to: string;
  sentAt: Date;
  templateName?: string | null;
  templateLanguage?: string | null;
  templateCategory?: TemplateCategory | null;
  api?: SendApi | null;
}

const CATEGORIES = new Set(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
const APIS = new Set(['CLOUD_API', 'MM_LITE']);

/** Validates send records one by one: a bad record is reported, the good ones are kept. */
@Injectable()
export class SendLogService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly ingestion: IngestionService,
  ) {}

  async record(
    records: readonly SentMessageRecord[],
    mode: 'incremental' | 'deferred',
    indexOffset = 0,
    pending?: PendingMessages,
  ): Promise<{ summary: IngestResultOutput; changedIds: number[] }> {
    const facts: KeyedFact[] = [];
    const rejected: { index: number; message: string }[] = [];
    for (const [position, record] of records.entries()) {
      const index = position + indexOffset;
      const problems = sentMessageProblems(record);
      const phoneNumberId = record.phoneNumberId?.trim() ?? '';
      const wabaId = phoneNumberId === '' ? null : await this.accounts.wabaIdOf(phoneNumberId);
      if (phoneNumberId !== '' && wabaId === null) {
        problems.push(
          `unknown phoneNumberId ${phoneNumberId}: register it with upsertPhoneNumber or let a webhook introduce it`,
        );
      }
      if (problems.length > 0 || wabaId === null) {
        rejected.push({ index, message: problems.join('; ') });
        continue;
      }
      facts.push({
        wamid: record.wamid.trim(),
        phoneNumberId: record.phoneNumberId.trim(),
        wabaId,
        fact: {
          kind: 'send_log',
          contact: digits(record.to),
          at: record.sentAt,
          templateName: record.templateName?.trim() || null,
          templateLanguage: record.templateLanguage?.trim() || null,
          templateCategory: record.templateCategory ?? null,
          api: record.api ?? 'CLOUD_API',
        },
      });
    }
    const changedIds = await this.ingestion.applyFacts(facts, mode, pending);
    return {
      summary: {
        received: records.length,
        accepted: facts.length,
        changed: changedIds.length,
        rejected,
      },
      changedIds,
    };
  }
}

/** Every problem of a send record (joined into one message per record by the caller). */
export function sentMessageProblems(record: SentMessageRecord): string[] {
  const problems: string[] = [];
  if (!record.wamid || record.wamid.trim() === '') problems.push('wamid is empty');
  if (!record.phoneNumberId || record.phoneNumberId.trim() === '') {
    problems.push('phoneNumberId is empty');
  }
  const to = digits(record.to ?? '');
  if (to.length < 6 || to.length > 15) {
    problems.push(`"${record.to}" is not a phone number (6 to 15 digits)`);
  }
  if (!(record.sentAt instanceof Date) || Number.isNaN(record.sentAt.getTime())) {
    problems.push('sentAt is not a valid instant');
  }
  if (record.templateCategory && !CATEGORIES.has(record.templateCategory)) {
    problems.push(
      `templateCategory must be MARKETING, UTILITY or AUTHENTICATION; got "${String(record.templateCategory)}"`,
    );
  } else if (record.templateCategory && !record.templateName) {
    problems.push('templateCategory given without templateName');
  }
  if (record.api && !APIS.has(record.api)) {
    problems.push(`api must be CLOUD_API or MM_LITE; got "${String(record.api)}"`);
  } else if (record.api === 'MM_LITE' && record.templateCategory !== 'MARKETING') {
    problems.push('the MM_LITE api sends marketing templates only');
  }
  return problems;
}
