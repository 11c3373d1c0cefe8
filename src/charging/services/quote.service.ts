import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain.error';
import { marketOfCountry } from '../../pricing/markets/market-map';
import { resolveRecipient } from '../../pricing/markets/resolve-recipient.util';
import { isLocalDate } from '../../pricing/markets/local-date.util';
import {
  COLUMN_BY_CATEGORY,
  columnRate,
  FAMILY_BY_CATEGORY,
} from '../../pricing/engine/classify-message';
import { ladderFor } from '../../pricing/engine/price-classified';
import { priceGraduated } from '../../pricing/rate-cards/price-graduated.util';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import type { QuoteInput } from '../dtos/inputs/reprice.input';
import type { QuoteOutput } from '../dtos/outputs/reprice.output';

/** The price of the next message(s) of a category to a country, on a date, after a volume so far. */
@Injectable()
export class QuoteService {
  constructor(private readonly rateCards: RateCardsService) {}

  async quote(input: QuoteInput): Promise<QuoteOutput> {
    const date = input.date ?? new Date().toISOString().slice(0, 10);
    if (!isLocalDate(date))
      throw new DomainError('BAD_USER_INPUT', `date must be YYYY-MM-DD; got "${date}"`);
    const currency = (input.currency ?? 'USD').toUpperCase();
    const soFar = input.monthlyVolumeSoFar ?? 0;
    const count = input.messages ?? 1;
    if (soFar < 0 || count < 1)
      throw new DomainError('BAD_USER_INPUT', 'monthlyVolumeSoFar must be ≥ 0 and messages ≥ 1');
    let market: string;
    let country: string | null;
    if (input.phoneNumber) {
      const recipient = resolveRecipient(input.phoneNumber, date);
      if (!recipient.valid)
        throw new DomainError('BAD_USER_INPUT', recipient.problem ?? 'unparseable phone number');
      market = recipient.market;
      country = recipient.country;
    } else if (input.country && /^[A-Za-z]{2}$/.test(input.country)) {
      country = input.country.toUpperCase();
      market = marketOfCountry(country, date);
    } else {
      throw new DomainError('BAD_USER_INPUT', 'give a phoneNumber or an ISO 3166 alpha-2 country');
    }
    const card = (await this.rateCards.book()).cardFor(currency, date);
    const column = COLUMN_BY_CATEGORY[input.pricingCategory];
    const listRate = card ? columnRate(card, market, column) : null;
    const base = {
      market,
      country,
      pricingCategory: input.pricingCategory,
      currency,
      rateCardName: card?.data.name ?? null,
    };
    if (card === null || listRate === null) {
      return {
        ...base,
        priced: false,
        rate: null,
        amount: '0',
        bands: [],
        explanation:
          card === null
            ? `No ${currency} rate card is in force on ${date}.`
            : `The card "${card.data.name}" has no ${column.toLowerCase()} rate for ${market}.`,
      };
    }
    const ladder = ladderFor(card, market, {
      column,
      tierFamily: FAMILY_BY_CATEGORY[input.pricingCategory],
    });
    const priced = priceGraduated(ladder, listRate, soFar + 1, count);
    return {
      ...base,
      priced: true,
      rate: priced.bands.find((band) => band.quantity > 0)?.rate ?? listRate,
      amount: priced.amount,
      bands: priced.bands
        .filter((band) => band.quantity > 0)
        .map((band) => ({
          tier: band.label,
          quantity: band.quantity,
          rate: band.rate,
          amount: band.amount,
        })),
      explanation: `${count} ${input.pricingCategory.toLowerCase()} message(s) to ${market}${country ? ` (${country})` : ''} on ${date}, after ${soFar} this month, priced with "${card.data.name}".`,
    };
  }
}
