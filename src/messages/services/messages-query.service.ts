import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import type { MessageFilter } from '../dtos/inputs/message-filter.input';
import { MessageEntity } from '../entities/message.entity';

export const MAX_PAGE_SIZE = 200;
const PHONE_NUMBER = /^\+?[\d\s\-().]+$/;

/** Filtered, keyset-paginated reads of stored messages (stable order: id ascending). */
@Injectable()
export class MessagesQueryService {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
  ) {}

  findByWamid(wamid: string): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { wamid }, order: { id: 'ASC' } });
  }

  /** A page of messages; no `after` (absent or null) is the first page. */
  async page(filter: MessageFilter | undefined, first: number, after: string | null | undefined) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const query = this.messages
      .createQueryBuilder('m')
      .orderBy('m.id', 'ASC')
      .take(first + 1);
    applyFilter(query, filter);
    if (after !== undefined && after !== null) {
      query.andWhere('m.id > :after', { after: decodeCursor(after) });
    }
    const rows = await query.getMany();
    const page = rows.slice(0, first);
    return {
      rows: page,
      hasNextPage: rows.length > first,
      endCursor: page.length > 0 ? encodeCursor(page[page.length - 1].id) : null,
    };
  }
}

export function encodeCursor(id: number): string {
  return Buffer.from(`message:${id}`).toString('base64url');
}

/** A cursor's message id; anything but a cursor `messages` returned is BAD_USER_INPUT. */
export function decodeCursor(cursor: string): number {
  const match = /^message:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  // Row ids are integer columns: a 16-digit "id" would overflow PostgreSQL's integer.
  if (!match || Number(match[1]) > MAX_CURSOR_ID || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `after must be an endCursor or edge cursor returned by messages; got ${JSON.stringify(cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor)}`,
    );
  }
  return Number(match[1]);
}

/** The largest id of an integer (32-bit) column on PostgreSQL. */
const MAX_CURSOR_ID = 2_147_483_647;

function applyFilter(
  query: SelectQueryBuilder<MessageEntity>,
  filter: MessageFilter | undefined,
): void {
  if (!filter) return;
  if (filter.wabaIds?.length)
    query.andWhere('m.wabaId IN (:...wabaIds)', { wabaIds: filter.wabaIds });
  if (filter.phoneNumberIds?.length)
    query.andWhere('m.phoneNumberId IN (:...phones)', { phones: filter.phoneNumberIds });
  if (filter.contact) {
    if (PHONE_NUMBER.test(filter.contact)) {
      query.andWhere('(m.contact = :phone OR m.participant = :phone)', {
        phone: filter.contact.replace(/\D/g, ''),
      });
    } else {
      query.andWhere('(m.contact = :userId OR m.contactUserId = :userId)', {
        userId: filter.contact,
      });
    }
  }
  if (filter.groupId) query.andWhere('m.groupId = :groupId', { groupId: filter.groupId });
  if (filter.direction) query.andWhere('m.direction = :direction', { direction: filter.direction });
  if (filter.origins?.length)
    query.andWhere('m.origin IN (:...origins)', { origins: filter.origins });
  if (filter.reasons?.length)
    query.andWhere('m.chargeReason IN (:...reasons)', { reasons: filter.reasons });
  if (filter.pricingCategories?.length) {
    query.andWhere('m.chargePricingCategory IN (:...categories)', {
      categories: filter.pricingCategories,
    });
  }
  if (filter.source) query.andWhere('m.chargeSource = :source', { source: filter.source });
  if (filter.from) query.andWhere('m.chargeAt >= :from', { from: filter.from.getTime() });
  if (filter.to) query.andWhere('m.chargeAt < :to', { to: filter.to.getTime() });
}
