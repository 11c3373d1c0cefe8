import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error';
import { isLocalDate } from '../../pricing/markets/local-date.util';
import {
  rateCardCoverage,
  type RateCardCoverage,
} from '../../pricing/rate-cards/rate-card-coverage.util';
import type { RateCardEntity } from '../entities/rate-card.entity';
import { RateCardsService } from './rate-cards.service';

const CURRENCY = /^[A-Z]{3}$/;

/** What the card in force on a date leaves unpriced (GraphQL and `npm run rates:coverage`). */
@Injectable()
export class RateCardCoverageService {
  constructor(private readonly cards: RateCardsService) {}

  async of(
    currency: string,
    date: string,
  ): Promise<RateCardCoverage & { card: RateCardEntity | null }> {
    if (!CURRENCY.test(currency)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `currency must be an ISO 4217 code in upper case, like USD (got "${currency.slice(0, 20)}")`,
      );
    }
    if (!isLocalDate(date)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `date must be a calendar date YYYY-MM-DD (got "${date.slice(0, 20)}")`,
      );
    }
    const card = await this.cards.cardInForce(currency, date);
    return { card, ...rateCardCoverage(card?.data ?? null, date) };
  }
}
