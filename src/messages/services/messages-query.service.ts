import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { WabaEntity } from '../../accounts/entities/waba.entity';
import { decodeIdCursor, encodeIdCursor, pageSize } from '../../common/graphql/connection.util';
import type { MessageFilter } from '../dtos/inputs/message-filter.input';
import { MessageEntity } from '../entities/message.entity';

const PHONE_NUMBER = /^\+?[\d\s\-().]+$/;

/**
 * A month-filtered page of several WABAs (a portfolio's) is read as one page per (WABA, month)
 * merged by id, up to this many of them; beyond, as one query.
 */
const MAX_MONTH_LANES = 24;

/** Filtered, keyset-paginated reads of stored messages (stable order: id ascending). */
@Injectable()
export class MessagesQueryService {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(WabaEntity) private readonly wabas: Repository<WabaEntity>,
  ) {}

  findByWamid(wamid: string): Promise<MessageEntity | null> {
    return this.messages.findOne({ where: { wamid }, order: { id: 'ASC' } });
  }

  /** A page of messages; no `after` (absent or null) is the first page. */
  async page(
    filter: MessageFilter | undefined,
    requestedFirst: number | null | undefined,
    after: string | null | undefined,
  ) {
    const first = pageSize(requestedFirst);
    const afterId = decodeIdCursor(MESSAGE_CURSOR, 'messages', after);
    const lanes = await this.monthLanes(filter);
    const pageOf = (scope: (query: SelectQueryBuilder<MessageEntity>) => void) => {
      const query = this.messages
        .createQueryBuilder('m')
        .orderBy('m.id', 'ASC')
        .take(first + 1);
      scope(query);
      applyFilter(query, filter);
      if (afterId !== null) query.andWhere('m.id > :after', { after: afterId });
      return query.getMany();
    };
    const rows =
      lanes === null
        ? await pageOf(applyScope(filter))
        : // Each lane reads the index on (waba_id, charge_month, id) in id order; one query over
          // several WABAs and months would walk the primary key through every other month.
          (
            await Promise.all(
              lanes.map((lane) =>
                pageOf((query) =>
                  query.andWhere('m.wabaId = :lane AND m.chargeMonth = :laneMonth', {
                    lane: lane.wabaId,
                    laneMonth: lane.month,
                  }),
                ),
              ),
            )
          )
            .flat()
            .sort((a, b) => a.id - b.id)
            .slice(0, first + 1);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /**
   * The (WABA, month) pairs of a filter that names months and WABAs or portfolios, when there
   * are several and not too many; null otherwise.
   */
  private async monthLanes(
    filter: MessageFilter | undefined,
  ): Promise<{ wabaId: string; month: string }[] | null> {
    const months = [...new Set(filter?.months ?? [])];
    if (months.length === 0) return null;
    let wabaIds = filter?.wabaIds?.length ? [...new Set(filter.wabaIds)] : null;
    if (filter?.portfolioIds?.length) {
      const inPortfolios = (
        await this.wabas.find({ where: { portfolioId: In(filter.portfolioIds) } })
      ).map((waba) => waba.wabaId);
      wabaIds = wabaIds === null ? inPortfolios : wabaIds.filter((id) => inPortfolios.includes(id));
    }
    if (wabaIds === null) return null;
    const lanes = wabaIds.flatMap((wabaId) => months.map((month) => ({ wabaId, month })));
    return lanes.length > 1 && lanes.length <= MAX_MONTH_LANES ? lanes : null;
  }
}

const MESSAGE_CURSOR = 'message';

export function encodeMessageCursor(id: number): string {
  return encodeIdCursor(MESSAGE_CURSOR, id);
}

/** The filter's WABAs, portfolios and months, as conditions of one query. */
function applyScope(
  filter: MessageFilter | undefined,
): (query: SelectQueryBuilder<MessageEntity>) => void {
  return (query) => {
    if (filter?.wabaIds?.length)
      query.andWhere('m.wabaId IN (:...wabaIds)', { wabaIds: filter.wabaIds });
    if (filter?.portfolioIds?.length) {
      query.andWhere(
        'm.wabaId IN (SELECT w.waba_id FROM wabas w WHERE w.portfolio_id IN (:...portfolios))',
        { portfolios: filter.portfolioIds },
      );
    }
    if (filter?.months?.length)
      query.andWhere('m.chargeMonth IN (:...months)', { months: filter.months });
  };
}

/** Every other condition of the filter. */
function applyFilter(
  query: SelectQueryBuilder<MessageEntity>,
  filter: MessageFilter | undefined,
): void {
  if (!filter) return;
  if (filter.days?.length) query.andWhere('m.chargeDay IN (:...days)', { days: filter.days });
  if (filter.markets?.length)
    query.andWhere('m.chargeMarket IN (:...markets)', { markets: filter.markets });
  if (filter.countries?.length) {
    query.andWhere('m.chargeCountry IN (:...countries)', {
      countries: filter.countries.map((country) => country.toUpperCase()),
    });
  }
  if (filter.tiers?.length) query.andWhere('m.chargeTier IN (:...tiers)', { tiers: filter.tiers });
  if (filter.currencies?.length) {
    query.andWhere('m.chargeCurrency IN (:...currencies)', {
      currencies: filter.currencies.map((currency) => currency.toUpperCase()),
    });
  }
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
