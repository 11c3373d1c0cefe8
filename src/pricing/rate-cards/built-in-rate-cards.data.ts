import { assembleBuiltInCards } from './built-in/assemble-built-in-cards.util';
import type { SourceDisagreement } from './built-in/built-in-card.types';
import { BUILT_IN_SOURCES } from './built-in/built-in-sources.data';
import { EUR_OBSERVATIONS } from './built-in/eur-observations.data';
import { INR_OBSERVATIONS } from './built-in/inr-observations.data';
import { META_RATE_CARD_UPDATES } from './built-in/meta-rate-card-updates.data';
import { OTHER_CURRENCY_OBSERVATIONS } from './built-in/other-currency-observations.data';
import { USD_OBSERVATIONS } from './built-in/usd-observations.data';
import type { RateCardData } from './rate-card.types';

/** Effective dates of every Meta card since per-message pricing began. */
export const META_CARD_DATES: readonly string[] = [
  '2025-07-01',
  '2025-10-01',
  '2026-01-01',
  '2026-04-01',
  '2026-07-01',
  '2026-10-01',
];

/**
 * First card of each currency built in: USD, EUR, INR and IDR cards exist for every date (Meta's
 * currencies before 2026); CLP and PEN were introduced with the cards of 2026-04-01, BRL with those
 * of 2026-07-01; MXN is listed from the cards of 2026-01-01.
 */
export const BUILT_IN_CURRENCIES: Readonly<Record<string, string>> = {
  USD: '2025-07-01',
  EUR: '2025-07-01',
  INR: '2025-07-01',
  IDR: '2025-07-01',
  MXN: '2026-01-01',
  BRL: '2026-07-01',
  CLP: '2026-04-01',
  PEN: '2026-04-01',
};

const ASSEMBLED = assembleBuiltInCards({
  sources: BUILT_IN_SOURCES,
  observations: [
    ...USD_OBSERVATIONS,
    ...EUR_OBSERVATIONS,
    ...INR_OBSERVATIONS,
    ...OTHER_CURRENCY_OBSERVATIONS,
  ],
  updates: META_RATE_CARD_UPDATES,
  cardDates: META_CARD_DATES,
  currencies: BUILT_IN_CURRENCIES,
});

/**
 * Meta's cards as far as public sources give them, one per currency and effective date: every row
 * a source gives for that card, plus rows carried from another card where Meta's "Previous rate
 * card updates" show no change (see assembleBuiltInCards and docs/pricing-data.md). Anything else
 * is absent (NO_RATE).
 */
export const BUILT_IN_RATE_CARD_DATA: readonly RateCardData[] = ASSEMBLED.cards;

/** Cells where sources disagree, with the value chosen (documented in docs/pricing-data.md). */
export const BUILT_IN_SOURCE_DISAGREEMENTS: readonly SourceDisagreement[] = ASSEMBLED.disagreements;
