import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { KeyedFact } from '../../messages/services/message-store.service';
import type { TemplateCategory } from '../../pricing/pricing.types';
import { AccountEventEntity } from '../entities/account-event.entity';
import { ContactEntity } from '../entities/contact.entity';
import { TemplateCategoryChangeEntity } from '../entities/template-category-change.entity';
import type { WebhookEvent } from '../parsers/webhook-event.types';

export interface AppliedEvents {
  facts: KeyedFact[];
  /** Template recategorisations: the messages they affect must be re-rated. */
  recategorised: { wabaId: string; templateName: string; effectiveAt: Date }[];
  ignored: number;
}

const TEMPLATE_CATEGORIES = new Set<TemplateCategory>(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

/** Turns parsed webhook events into message facts and account-level records. */
@Injectable()
export class WebhookEventApplier {
  private readonly logger = new Logger(WebhookEventApplier.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  async apply(events: readonly WebhookEvent[]): Promise<AppliedEvents> {
    const result: AppliedEvents = { facts: [], recategorised: [], ignored: 0 };
    const coexistenceNumbers = new Set<string>();
    for (const event of events) {
      await this.accounts.ensureKnown(
        event.wabaId,
        event.phoneNumberId ?? null,
        event.displayPhoneNumber ?? null,
      );
      const phoneNumberId = event.phoneNumberId ?? null;
      const key = (wamid: string) => ({
        wamid,
        phoneNumberId: phoneNumberId!,
        wabaId: event.wabaId,
      });
      switch (event.type) {
        case 'inbound_message':
          if (
            phoneNumberId === null ||
            event.messageType === 'edit' ||
            event.messageType === 'revoke'
          )
            break;
          result.facts.push({
            ...key(event.wamid),
            fact: {
              kind: 'inbound',
              origin: 'CLOUD_API',
              contact: digits(event.from ?? ''),
              userId: event.contactUserId ?? null,
              country: event.contactCountry ?? null,
              groupId: event.groupId ?? null,
              at: event.timestamp,
              messageType: event.messageType,
              referral: event.referral
                ? {
                    sourceType: event.referral.sourceType ?? 'ad',
                    sourceId: event.referral.sourceId ?? null,
                    ctwaClid: event.referral.ctwaClid ?? null,
                  }
                : null,
            },
          });
          break;
        case 'status': {
          const group = event.recipientType === 'group';
          // A group send is billed per participant it reaches: each participant's status is a
          // delivery of its own. The group-level sent/failed statuses name no participant.
          if (phoneNumberId === null || (group && event.participantKey === undefined)) {
            result.ignored += 1;
            break;
          }
          const person = group ? event.participant! : (event.contact ?? {});
          result.facts.push({
            ...key(group ? groupDeliveryWamid(event.wamid, event.participantKey!) : event.wamid),
            fact: {
              kind: 'status',
              status: event.status,
              contact: digits(person.phone ?? ''),
              userId: person.userId ?? null,
              country: person.country ?? null,
              groupId: group ? (event.recipientId ?? null) : null,
              at: event.timestamp,
              errorCode: event.errors?.[0]?.code ?? null,
              pricing: event.pricing
                ? {
                    billable: event.pricing.billable ?? null,
                    type: event.pricing.type ?? null,
                    category: event.pricing.category ?? null,
                    model: event.pricing.pricingModel ?? null,
                  }
                : null,
            },
          });
          break;
        }
        case 'echo':
          if (
            phoneNumberId === null ||
            event.messageType === 'edit' ||
            event.messageType === 'revoke'
          )
            break;
          coexistenceNumbers.add(phoneNumberId);
          result.facts.push({
            ...key(event.wamid),
            fact: {
              kind: 'business_app',
              contact: digits(event.to),
              userId: event.toUserId ?? null,
              at: event.timestamp,
              messageType: event.messageType,
            },
          });
          break;
        case 'history_message':
          if (phoneNumberId === null) break;
          coexistenceNumbers.add(phoneNumberId);
          result.facts.push({
            ...key(event.wamid),
            fact:
              event.direction === 'INBOUND'
                ? {
                    kind: 'inbound',
                    origin: 'HISTORY_IMPORT',
                    contact: digits(event.threadContact),
                    at: event.timestamp,
                    messageType: event.messageType,
                    referral: null,
                  }
                : {
                    kind: 'history_outbound',
                    contact: digits(event.threadContact),
                    at: event.timestamp,
                    messageType: event.messageType,
                  },
          });
          break;
        case 'history_media': {
          if (phoneNumberId === null) break;
          coexistenceNumbers.add(phoneNumberId);
          // A media follow-up is history, never a live inbound message: it must not open a window.
          const fromBusiness =
            event.displayPhoneNumber !== undefined &&
            digits(event.from) === digits(event.displayPhoneNumber);
          result.facts.push({
            ...key(event.wamid),
            fact: fromBusiness
              ? {
                  kind: 'history_outbound',
                  contact: '',
                  at: event.timestamp,
                  messageType: event.messageType,
                }
              : {
                  kind: 'inbound',
                  origin: 'HISTORY_IMPORT',
                  contact: digits(event.from),
                  at: event.timestamp,
                  messageType: event.messageType,
                  referral: null,
                },
          });
          break;
        }
        case 'history_declined':
          if (phoneNumberId !== null) coexistenceNumbers.add(phoneNumberId);
          await this.recordAccountEvent(
            event.wabaId,
            'HISTORY_DECLINED',
            `${phoneNumberId}|${event.code}`,
            new Date(),
            event,
          );
          break;
        case 'contact_sync':
          if (phoneNumberId === null) break;
          coexistenceNumbers.add(phoneNumberId);
          await this.recordContact(
            phoneNumberId,
            event.phoneNumber,
            event.fullName ?? null,
            event.action === 'remove',
            event.timestamp,
          );
          break;
        case 'account_update':
          await this.applyAccountUpdate(event);
          break;
        case 'template_category_update': {
          const category = event.newCategory.toUpperCase() as TemplateCategory;
          if (event.isWarning || !TEMPLATE_CATEGORIES.has(category)) {
            await this.recordAccountEvent(
              event.wabaId,
              'TEMPLATE_CATEGORY_WARNING',
              `${event.templateId}|${event.categoryUpdateTime.getTime()}`,
              event.categoryUpdateTime,
              event,
            );
            break;
          }
          await this.dataSource
            .createQueryBuilder()
            .insert()
            .into(TemplateCategoryChangeEntity)
            .values({
              wabaId: event.wabaId,
              templateName: event.templateName,
              templateLanguage: event.templateLanguage.toLowerCase().replace('-', '_'),
              category,
              effectiveAt: event.categoryUpdateTime,
            })
            .orIgnore()
            .execute();
          // Replays are harmless: re-rating the same messages again gives the same charges.
          result.recategorised.push({
            wabaId: event.wabaId,
            templateName: event.templateName,
            effectiveAt: event.categoryUpdateTime,
          });
          break;
        }
        case 'errors':
          this.logger.warn(
            `Meta reported errors for WABA ${event.wabaId}: ${event.errors.map((error) => error.code).join(', ')}`,
          );
          result.ignored += 1;
          break;
        case 'unsupported':
          result.ignored += 1;
          break;
      }
    }
    for (const phoneNumberId of coexistenceNumbers)
      await this.accounts.markCoexistence(phoneNumberId);
    return result;
  }

  private async applyAccountUpdate(
    event: Extract<WebhookEvent, { type: 'account_update' }>,
  ): Promise<void> {
    const tier = event.volumeTierInfo;
    // Meta may send one tier switch several times; the earliest tier_update_time is the one to keep.
    const eventKey = tier
      ? `${tier.pricingCategory}|${tier.region}|${tier.effectiveMonth}|${tier.tier}`
      : `${event.time.getTime()}`;
    await this.recordAccountEvent(
      event.wabaId,
      event.event,
      eventKey,
      tier?.tierUpdateTime ?? event.time,
      event.raw,
    );
    if (event.event === 'ACCOUNT_OFFBOARDED' || event.event === 'PARTNER_REMOVED') {
      await this.accounts.setOffboarded(event.wabaId, event.time);
    } else if (event.event === 'ACCOUNT_RECONNECTED') {
      await this.accounts.setOffboarded(event.wabaId, null);
    }
  }

  private async recordAccountEvent(
    wabaId: string,
    event: string,
    eventKey: string,
    eventTime: Date,
    payload: unknown,
  ): Promise<void> {
    const repository = this.dataSource.getRepository(AccountEventEntity);
    const existing = await repository.findOneBy({ wabaId, event, eventKey });
    if (existing && existing.eventTime.getTime() <= eventTime.getTime()) return;
    await repository.save({ id: existing?.id, wabaId, event, eventKey, eventTime, payload });
  }

  private async recordContact(
    phoneNumberId: string,
    phone: string,
    fullName: string | null,
    removed: boolean,
    at: Date,
  ): Promise<void> {
    const repository = this.dataSource.getRepository(ContactEntity);
    const contact = digits(phone);
    const existing = await repository.findOneBy({ phoneNumberId, contact });
    if (existing && existing.updatedAt.getTime() > at.getTime()) return;
    await repository.save({
      phoneNumberId,
      contact,
      fullName: removed ? (existing?.fullName ?? null) : fullName,
      removed,
      updatedAt: at,
    });
  }
}

export function digits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * The key of one participant's delivery of a group message: the group message's wamid and the
 * participant (phone number, else BSUID). A replayed status finds the same delivery.
 */
export function groupDeliveryWamid(wamid: string, participantKey: string): string {
  return `${wamid}~${participantKey}`;
}
