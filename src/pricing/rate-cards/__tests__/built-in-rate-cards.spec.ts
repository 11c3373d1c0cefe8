import { listMarkets } from '../../markets/market-map';
import type { RateColumn } from '../../pricing.types';
import {
  BUILT_IN_CURRENCIES,
  BUILT_IN_RATE_CARD_DATA,
  BUILT_IN_SOURCE_DISAGREEMENTS,
  META_CARD_DATES,
} from '../built-in-rate-cards.data';
import { BUILT_IN_RATE_CARDS, loadBuiltInRateCards } from '../built-in-rate-cards';
import { assembleBuiltInCards, observe } from '../built-in/assemble-built-in-cards.util';
import type { MetaRateCardUpdate, RateSource } from '../built-in/built-in-card.types';
import { BUILT_IN_SOURCES } from '../built-in/built-in-sources.data';
import { META_RATE_CARD_UPDATES } from '../built-in/meta-rate-card-updates.data';
import { rateFor, tierLadder } from '../rate-card-lookup.util';
import { RateCardImportError } from '../rate-card-import.error';
import type { RateCardData } from '../rate-card.types';
import { validateRateCard } from '../validate-rate-card.util';

function card(currency: string, effectiveFrom: string): RateCardData {
  const found = BUILT_IN_RATE_CARDS.find(
    (candidate) => candidate.currency === currency && candidate.effectiveFrom === effectiveFrom,
  );
  if (found === undefined) throw new Error(`no built-in ${currency} card on ${effectiveFrom}`);
  return found;
}

describe('built-in rate cards', () => {
  it.each(BUILT_IN_RATE_CARD_DATA.map((data) => [data.name, data]))(
    '%s passes the import validation and names a source for every market',
    (_name, data) => {
      expect(validateRateCard(data)).toEqual([]);
      expect(data.provenance).toContain('stored copy id');
      expect(Object.keys(data.rowProvenance ?? {}).sort()).toEqual(Object.keys(data.rates).sort());
      for (const text of Object.values(data.rowProvenance ?? {})) {
        expect(text).toMatch(/stored copy id \d+|https:\/\//);
      }
    },
  );

  it('has one card per currency and effective date, only on Meta card dates', () => {
    const keys = BUILT_IN_RATE_CARDS.map((data) => `${data.currency}|${data.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const data of BUILT_IN_RATE_CARDS) {
      expect(META_CARD_DATES).toContain(data.effectiveFrom);
      expect(data.effectiveFrom >= BUILT_IN_CURRENCIES[data.currency]).toBe(true);
    }
  });

  it.each([
    ['USD', '2026-10-01', 47, 47],
    ['USD', '2026-07-01', 24, 38],
    ['USD', '2026-04-01', 23, 32],
    ['USD', '2026-01-01', 23, 32],
    ['USD', '2025-10-01', 24, 32],
    ['USD', '2025-07-01', 22, 32],
    ['EUR', '2026-07-01', 38, 38],
    ['EUR', '2026-04-01', 32, 32],
    ['EUR', '2026-01-01', 32, 32],
    ['EUR', '2025-10-01', 32, 32],
    ['EUR', '2025-07-01', 30, 32],
    ['INR', '2026-10-01', 47, 47],
    ['INR', '2026-07-01', 32, 38],
    ['INR', '2026-04-01', 32, 32],
    ['INR', '2026-01-01', 32, 32],
    ['INR', '2025-10-01', 32, 32],
    ['INR', '2025-07-01', 32, 32],
    ['IDR', '2026-10-01', 1, 47],
    ['IDR', '2025-07-01', 1, 32],
    ['BRL', '2026-10-01', 1, 47],
    ['BRL', '2026-07-01', 2, 38],
    ['CLP', '2026-07-01', 1, 38],
    ['CLP', '2026-04-01', 1, 32],
    ['MXN', '2026-10-01', 1, 47],
    ['PEN', '2026-10-01', 1, 47],
    ['PEN', '2026-07-01', 1, 38],
    ['PEN', '2026-04-01', 1, 32],
  ] as const)('%s %s prices %i of the %i markets of that date', (currency, date, priced, all) => {
    expect(Object.keys(card(currency, date).rates)).toHaveLength(priced);
    expect(listMarkets(date)).toHaveLength(all);
  });

  it('has no other cards', () => {
    expect(BUILT_IN_RATE_CARDS).toHaveLength(31);
  });

  // Every expected value is the number its source prints (see built-in-sources.data.ts).
  it.each([
    // Argentina lowered utility and authentication on 2025-10-01 (Meta's update list).
    ['USD', '2025-07-01', 'Argentina', 'UTILITY', '0.0289'],
    ['USD', '2025-07-01', 'Argentina', 'AUTHENTICATION', '0.0289'],
    ['USD', '2025-10-01', 'Argentina', 'UTILITY', '0.026'],
    ['USD', '2026-10-01', 'Argentina', 'UTILITY', '0.026'],
    ['USD', '2025-07-01', 'Other', 'MARKETING', '0.0604'],
    ['USD', '2025-10-01', 'Colombia', 'UTILITY', '0.0008'],
    ['USD', '2025-10-01', 'France', 'MARKETING', '0.1432'],
    ['USD', '2025-10-01', 'Mexico', 'MARKETING', '0.0305'],
    ['USD', '2026-07-01', 'Brazil', 'UTILITY', '0.0068'],
    ['USD', '2026-07-01', 'Saudi Arabia', 'MARKETING', '0.0501'],
    ['USD', '2026-07-01', 'Peru', 'UTILITY', '0.02'],
    ['USD', '2026-07-01', 'Qatar', 'UTILITY', '0.012'],
    ['USD', '2026-07-01', 'Chile', 'MARKETING', '0.0889'],
    ['USD', '2026-10-01', 'Peru', 'UTILITY', '0.03'],
    ['USD', '2026-10-01', 'Peru', 'SERVICE', '0.03'],
    ['USD', '2026-10-01', 'North America', 'SERVICE', '0.0034'],
    ['USD', '2026-10-01', 'Mexico', 'MARKETING', '0.0397'],
    ['USD', '2026-10-01', 'Rest of Asia Pacific', 'MARKETING', '0.0842'],
    ['USD', '2026-10-01', 'Kazakhstan', 'AUTHENTICATION_INTERNATIONAL', '0.16'],
    ['USD', '2026-10-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '0.0304'],
    ['USD', '2026-10-01', 'Nigeria', 'AUTHENTICATION_INTERNATIONAL', '0.075'],
    ['USD', '2026-10-01', 'Morocco', 'AUTHENTICATION_INTERNATIONAL', '0.0811'],
    ['USD', '2026-10-01', 'South Africa', 'AUTHENTICATION_INTERNATIONAL', '0.02'],
    ['EUR', '2026-07-01', 'Germany', 'MARKETING', '0.1131'],
    ['EUR', '2026-07-01', 'Egypt', 'AUTHENTICATION_INTERNATIONAL', '0.0538'],
    ['EUR', '2026-07-01', 'Rest of Central & Eastern Europe', 'MARKETING', '0.0712'],
    ['INR', '2025-10-01', 'India', 'MARKETING', '0.7846'],
    ['INR', '2025-10-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '2.3'],
    ['INR', '2025-10-01', 'Argentina', 'UTILITY', '1.9062'],
    ['INR', '2026-01-01', 'India', 'MARKETING', '0.8631'],
    ['INR', '2026-10-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '2.4971'],
    ['INR', '2026-10-01', 'India', 'SERVICE', '0.115'],
    ['INR', '2026-10-01', 'Sri Lanka', 'AUTHENTICATION_INTERNATIONAL', '10.5541'],
    ['IDR', '2026-07-01', 'Indonesia', 'AUTHENTICATION_INTERNATIONAL', '1940.13'],
    ['IDR', '2026-10-01', 'Indonesia', 'SERVICE', '356.65'],
    ['BRL', '2026-10-01', 'Brazil', 'MARKETING', '0.3217'],
    ['CLP', '2026-07-01', 'Chile', 'UTILITY', '17.6584'],
    ['MXN', '2026-10-01', 'Mexico', 'UTILITY', '0.1565'],
    ['PEN', '2026-07-01', 'Peru', 'UTILITY', '0.0665'],
    ['PEN', '2026-10-01', 'Peru', 'SERVICE', '0.0998'],
  ] as const)('sourced: %s %s %s %s = %s', (currency, date, market, column, rate) => {
    const data = card(currency, date);
    expect(rateFor(data, market, column)).toBe(rate);
    expect(data.rowProvenance?.[market]).not.toMatch(new RegExp(`${column}[^|]*derived`));
  });

  // Carried where Meta's "Previous rate card updates" list no change between the two cards.
  it.each([
    ['USD', '2025-07-01', 'Colombia', 'MARKETING', '0.0125', '2025-10-01'],
    ['USD', '2025-07-01', 'Mexico', 'UTILITY', '0.0085', '2026-07-01'],
    ['USD', '2026-01-01', 'North America', 'UTILITY', '0.0034', '2026-07-01'],
    ['USD', '2025-10-01', 'Germany', 'MARKETING', '0.1365', '2026-07-01'],
    ['USD', '2026-01-01', 'Egypt', 'MARKETING', '0.0644', '2026-07-01'],
    ['USD', '2026-04-01', 'Saudi Arabia', 'MARKETING', '0.0501', '2026-07-01'],
    ['USD', '2026-07-01', 'Argentina', 'UTILITY', '0.026', '2025-10-01'],
    ['USD', '2026-07-01', 'Rest of Asia Pacific', 'MARKETING', '0.0732', '2025-07-01'],
    ['EUR', '2025-10-01', 'Argentina', 'UTILITY', '0.0216', '2026-07-01'],
    ['INR', '2025-07-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '2.3', '2025-10-01'],
    ['INR', '2026-01-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '2.3', '2025-10-01'],
    ['INR', '2026-07-01', 'India', 'MARKETING', '0.8631', '2026-01-01'],
    ['INR', '2026-07-01', 'Pakistan', 'AUTHENTICATION_INTERNATIONAL', '5.5035', '2025-10-01'],
    ['IDR', '2025-07-01', 'Indonesia', 'MARKETING', '586.33', '2026-07-01'],
    ['PEN', '2026-04-01', 'Peru', 'MARKETING', '0.2339', '2026-07-01'],
  ] as const)(
    'derived: %s %s %s %s = %s from the card of %s',
    (currency, date, market, column, rate, from) => {
      const data = card(currency, date);
      expect(rateFor(data, market, column)).toBe(rate);
      expect(data.rowProvenance?.[market]).toMatch(
        new RegExp(`${column}[^|]*derived: .*card eff\\. ${from}, carried to ${date}`),
      );
    },
  );

  // No source for the date and Meta lists a change (or the market did not exist): NO_RATE.
  it.each([
    ['USD', '2025-07-01', 'Argentina', 'SERVICE'],
    ['USD', '2025-07-01', 'Mexico', 'MARKETING'],
    ['USD', '2025-07-01', 'Colombia', 'UTILITY'],
    ['USD', '2025-07-01', 'Egypt', 'UTILITY'],
    ['USD', '2025-10-01', 'France', 'UTILITY'],
    ['USD', '2025-10-01', 'North America', 'UTILITY'],
    ['USD', '2026-01-01', 'Saudi Arabia', 'MARKETING'],
    ['USD', '2026-04-01', 'United Kingdom', 'MARKETING'],
    ['USD', '2026-07-01', 'Russia', 'MARKETING'],
    ['USD', '2026-07-01', 'Hong Kong', 'UTILITY'],
    ['USD', '2026-07-01', 'Brazil', 'SERVICE'],
    ['USD', '2026-10-01', 'Indonesia', 'AUTHENTICATION_INTERNATIONAL'],
    ['USD', '2026-10-01', 'Rest of Africa', 'AUTHENTICATION_INTERNATIONAL'],
    ['EUR', '2025-07-01', 'Egypt', 'MARKETING'],
    ['EUR', '2026-01-01', 'India', 'AUTHENTICATION_INTERNATIONAL'],
    ['INR', '2025-07-01', 'Egypt', 'AUTHENTICATION_INTERNATIONAL'],
    ['INR', '2026-04-01', 'India', 'AUTHENTICATION_INTERNATIONAL'],
    ['INR', '2026-07-01', 'India', 'AUTHENTICATION_INTERNATIONAL'],
    ['INR', '2026-07-01', 'Poland', 'MARKETING'],
    ['MXN', '2026-10-01', 'Mexico', 'AUTHENTICATION'],
  ] as const)('unpriced: %s %s %s %s', (currency, date, market, column) => {
    expect(rateFor(card(currency, date), market, column)).toBeNull();
  });

  it('has no card where no source gives a row (e.g. GBP, or CLP before 2026-04-01)', () => {
    expect(BUILT_IN_RATE_CARDS.some((data) => data.currency === 'GBP')).toBe(false);
    expect(
      BUILT_IN_RATE_CARDS.some(
        (data) => data.currency === 'CLP' && data.effectiveFrom < '2026-04-01',
      ),
    ).toBe(false);
  });

  it('has the volume-tier ladders the sources give in full, only on their own card', () => {
    expect(tierLadder(card('USD', '2026-10-01'), 'Rest of Africa', 'UTILITY')).toEqual([
      { from: 0, to: 100000, rate: '0.004', label: '0:100000' },
      { from: 100000, to: 1000000, rate: '0.0038', label: '100001:1000000' },
      { from: 1000000, to: 4500000, rate: '0.0036', label: '1000001:4500000' },
      { from: 4500000, to: 40000000, rate: '0.0034', label: '4500001:40000000' },
      { from: 40000000, to: 80000000, rate: '0.0032', label: '40000001:80000000' },
      { from: 80000000, to: null, rate: '0.003', label: '80000001:MAX' },
    ]);
    expect(tierLadder(card('INR', '2026-10-01'), 'India', 'AUTHENTICATION_INTERNATIONAL')).toEqual([
      { from: 0, to: 750000, rate: '2.4971', label: '0:750000' },
      { from: 750000, to: 15000000, rate: '2.3473', label: '750001:15000000' },
      { from: 15000000, to: 20000000, rate: '2.1974', label: '15000001:20000000' },
      { from: 20000000, to: 50000000, rate: '2.0476', label: '20000001:50000000' },
      { from: 50000000, to: 100000000, rate: '1.8978', label: '50000001:100000000' },
      { from: 100000000, to: null, rate: '1.748', label: '100000001:MAX' },
    ]);
    expect(tierLadder(card('INR', '2026-10-01'), 'India', 'UTILITY')?.[0]).toEqual({
      from: 0,
      to: 25000000,
      rate: '0.115',
      label: '0:25000000',
    });
    expect(
      tierLadder(card('BRL', '2026-10-01'), 'Brazil', 'UTILITY')?.map((band) => band.rate),
    ).toEqual(['0.035', '0.0333', '0.0315', '0.0298', '0.028', '0.0263']);
    expect(tierLadder(card('BRL', '2026-10-01'), 'Brazil', 'AUTHENTICATION')).toBeNull();
    const inr = card('INR', '2026-10-01');
    expect(Object.keys(inr.tiers)).toHaveLength(47);
    for (const [market, rates] of Object.entries(inr.rates)) {
      expect(inr.tiers[market].UTILITY?.[0].rate).toBe(rates.UTILITY);
      expect(inr.tiers[market].AUTHENTICATION?.[0].rate).toBe(rates.AUTHENTICATION);
      expect(inr.tiers[market].AUTHENTICATION_INTERNATIONAL?.[0].rate).toBe(
        rates.AUTHENTICATION_INTERNATIONAL,
      );
    }
    const withTiers = BUILT_IN_RATE_CARDS.filter((data) => Object.keys(data.tiers).length > 0);
    expect(withTiers.map((data) => data.name).sort()).toEqual([
      'Meta BRL 2026-10-01',
      'Meta INR 2026-10-01',
      'Meta USD 2026-10-01',
    ]);
  });

  it('finds no disagreement between the sources it uses', () => {
    expect(BUILT_IN_SOURCE_DISAGREEMENTS).toEqual([]);
  });

  it("lists Meta's update dates as the built-in cards need them", () => {
    expect(META_RATE_CARD_UPDATES.map((update) => update.effectiveFrom)).toEqual(
      META_CARD_DATES.slice(1),
    );
    expect(META_RATE_CARD_UPDATES.filter((update) => !update.listed)).toHaveLength(1);
    const sourceIds = new Set(BUILT_IN_SOURCES.map((source) => source.id));
    for (const update of META_RATE_CARD_UPDATES) {
      for (const id of update.sources) expect(sourceIds.has(id)).toBe(true);
    }
  });

  it('refuses invalid built-in data through the same validation', () => {
    const broken = {
      ...BUILT_IN_RATE_CARD_DATA[0],
      rates: { 'Hong Kong': { UTILITY: '0.01000' } },
      tiers: {},
      rowProvenance: {},
    };
    expect(() => loadBuiltInRateCards([{ ...broken, effectiveFrom: '2026-04-01' }])).toThrow(
      RateCardImportError,
    );
    try {
      loadBuiltInRateCards([{ ...broken, effectiveFrom: '2026-04-01' }]);
    } catch (error) {
      expect((error as RateCardImportError).issues).toEqual([
        {
          line: 0,
          message: `${broken.name}: market "Hong Kong" is not in Meta's market map on 2026-04-01`,
        },
        {
          line: 0,
          message: `${broken.name}: Hong Kong UTILITY: "0.01000" is not a canonical decimal`,
        },
      ]);
    }
  });
});

describe('assembleBuiltInCards', () => {
  const sources: RateSource[] = [
    { id: 'file', closeness: 1, cite: 'whole file (stored copy id 1)', ref: 'id 1' },
    { id: 'quote', closeness: 2, cite: 'quoted rows (stored copy id 2)', ref: 'id 2' },
    { id: 'list', closeness: 1, cite: 'update list (stored copy id 3)', ref: 'id 3' },
  ];
  const dates = ['2025-07-01', '2025-10-01', '2026-01-01'];
  const columns: RateColumn[] = [
    'MARKETING',
    'UTILITY',
    'AUTHENTICATION',
    'AUTHENTICATION_INTERNATIONAL',
    'SERVICE',
  ];
  function assemble(
    updates: MetaRateCardUpdate[],
    extra = observe('quote', 'USD', '2025-10-01', columns, []),
  ) {
    return assembleBuiltInCards({
      sources,
      observations: [
        ...observe('file', 'USD', '2026-01-01', columns, [
          ['Egypt', '0.06', '0.003', '0.003', '0.05', '0.003'],
          ['Qatar', '0.03', '0.01', '0.01', null, null],
        ]),
        ...extra,
      ],
      updates,
      cardDates: dates,
      currencies: { USD: '2025-07-01' },
    });
  }
  const listed = (
    effectiveFrom: string,
    changes: MetaRateCardUpdate['changes'] = [],
    isListed = true,
  ): MetaRateCardUpdate => ({ effectiveFrom, listed: isListed, changes, sources: ['list'] });

  it('carries rates Meta lists as unchanged, never service nor markets absent on the date', () => {
    const { cards } = assemble([listed('2025-10-01'), listed('2026-01-01')]);
    expect(cards.map((data) => data.effectiveFrom)).toEqual([
      '2026-01-01',
      '2025-10-01',
      '2025-07-01',
    ]);
    expect(cards[2].rates).toEqual({
      Egypt: {
        MARKETING: '0.06',
        UTILITY: '0.003',
        AUTHENTICATION: '0.003',
        AUTHENTICATION_INTERNATIONAL: '0.05',
      },
    });
    expect(cards[2].rowProvenance?.Egypt).toContain(
      'derived: whole file (stored copy id 1), card eff. 2026-01-01, carried to 2025-07-01',
    );
    expect(cards[2].rowProvenance?.Egypt).toContain('2025-10-01, 2026-01-01');
  });

  it('stops at a listed change, and at a date whose changes are not listed', () => {
    const changed = assemble([
      listed('2025-10-01'),
      listed('2026-01-01', [{ markets: ['Egypt'], columns: ['MARKETING'], text: 'Lower.' }]),
    ]).cards;
    expect(changed[1].rates.Egypt).toEqual({
      UTILITY: '0.003',
      AUTHENTICATION: '0.003',
      AUTHENTICATION_INTERNATIONAL: '0.05',
    });
    const unknown = assemble([listed('2025-10-01'), listed('2026-01-01', [], false)]).cards;
    expect(unknown.map((data) => data.effectiveFrom)).toEqual(['2026-01-01']);
  });

  it('treats a changed authentication rate as changing authentication-international unless Meta says not', () => {
    const change = {
      markets: ['Egypt'],
      columns: ['UTILITY', 'AUTHENTICATION'] as RateColumn[],
      text: 'Higher.',
    };
    const blocked = assemble([listed('2025-10-01'), listed('2026-01-01', [change])]).cards;
    expect(blocked[1].rates.Egypt).toEqual({ MARKETING: '0.06' });
    const kept = assemble([
      listed('2025-10-01'),
      listed('2026-01-01', [{ ...change, authenticationInternationalUnchanged: true }]),
    ]).cards;
    expect(kept[1].rates.Egypt).toEqual({
      MARKETING: '0.06',
      AUTHENTICATION_INTERNATIONAL: '0.05',
    });
  });

  it("prefers a card's own row, then the source closer to Meta, and reports every disagreement", () => {
    const { cards, disagreements } = assemble(
      [listed('2025-10-01'), listed('2026-01-01')],
      [
        ...observe('quote', 'USD', '2025-10-01', ['MARKETING'], [['Egypt', '0.07']]),
        ...observe('quote', 'USD', '2026-01-01', ['UTILITY'], [['Egypt', '0.004']]),
      ],
    );
    expect(cards[1].rates.Egypt.MARKETING).toBe('0.07');
    expect(cards[0].rates.Egypt.UTILITY).toBe('0.003');
    expect(disagreements).toEqual(
      expect.arrayContaining([
        {
          currency: 'USD',
          effectiveFrom: '2025-10-01',
          market: 'Egypt',
          column: 'MARKETING',
          values: [
            { value: '0.07', source: 'quote' },
            { value: '0.06', source: 'file', carriedFrom: '2026-01-01' },
          ],
          chosen: 'quote',
        },
        {
          currency: 'USD',
          effectiveFrom: '2026-01-01',
          market: 'Egypt',
          column: 'UTILITY',
          values: [
            { value: '0.003', source: 'file' },
            { value: '0.004', source: 'quote' },
          ],
          chosen: 'file',
        },
      ]),
    );
  });
});
