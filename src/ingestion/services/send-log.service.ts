import { Injectable } from '@nestjs/common';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { KeyedFact } from '../../messages/services/message-store.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import type { SendApi, TemplateCategory } from '../../pricing/pricing.types';
import type { IngestResultOutput } from '../dtos/outputs/ingest-result.output';
import { IngestionService } from './ingestion.service';
import { FIELD_LIMITS } from '../parsers/payload-reader.util';
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

/** The columns send records are stored in (messages.template_name, template_language). */
export const TEMPLATE_NAME_MAX_LENGTH = 512;
export const TEMPLATE_LANGUAGE_MAX_LENGTH = 32;
const WAMID_MAX_LENGTH = FIELD_LIMITS.wamid;
const PHONE_NUMBER_ID_MAX_LENGTH = FIELD_LIMITS.accountId;
/** A recipient named by business-scoped user id (a user with a username). */
export const RECIPIENT_MAX_LENGTH = FIELD_LIMITS.person;
const PHONE_NUMBER = /^\+?[\d\s\-().]+$/;

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
      const wabaId =
        phoneNumberId === '' || problems.length > 0
          ? null
          : await this.accounts.wabaIdOf(phoneNumberId);
      if (problems.length === 0 && wabaId === null) {
        problems.push(
          `unknown phoneNumberId ${phoneNumberId}: register it with upsertPhoneNumber or let a webhook introduce it`,
        );
      }
      if (problems.length > 0 || wabaId === null) {
        rejected.push({ index, message: problems.join('; ') });
        continue;
      }
      const to = record.to.trim();
      const toPhone = PHONE_NUMBER.test(to);
      facts.push({
        wamid: record.wamid.trim(),
        phoneNumberId,
        wabaId,
        fact: {
          kind: 'send_log',
          contact: toPhone ? digits(to) : '',
          userId: toPhone ? null : to,
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
  const texts: [string, string | null | undefined, number][] = [
    ['wamid', record.wamid, WAMID_MAX_LENGTH],
    ['phoneNumberId', record.phoneNumberId, PHONE_NUMBER_ID_MAX_LENGTH],
    ['templateName', record.templateName, TEMPLATE_NAME_MAX_LENGTH],
    ['templateLanguage', record.templateLanguage, TEMPLATE_LANGUAGE_MAX_LENGTH],
    ['to', record.to, RECIPIENT_MAX_LENGTH],
  ];
  for (const [field, value, max] of texts) {
    if (value === null || value === undefined) continue;
    if (value.includes('\u0000'))
      problems.push(`${field} contains a NUL character (binary content?)`);
    else if (value.trim().length > max) {
      problems.push(
        `${field} is ${value.trim().length} characters long; at most ${max} are accepted`,
      );
    }
  }
  const to = (record.to ?? '').trim();
  const phone = PHONE_NUMBER.test(to) ? digits(to) : null;
  if (to === '') problems.push('to is empty');
  else if (phone !== null && (phone.length < 6 || phone.length > 15)) {
    problems.push(
      `"${record.to}" is not a phone number (6 to 15 digits) nor a business-scoped user id`,
    );
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
