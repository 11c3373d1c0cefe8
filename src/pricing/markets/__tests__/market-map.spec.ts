import {
  listMarkets,
  MARKET_MAP_EFFECTIVE_DATES,
  marketOfCountry,
  normalizeMarketName,
} from '../market-map';

const REGIONS = [
  'North America',
  'Other',
  'Rest of Africa',
  'Rest of Asia Pacific',
  'Rest of Central & Eastern Europe',
  'Rest of Latin America',
  'Rest of Middle East',
  'Rest of Western Europe',
];

describe('market map', () => {
  it('lists the dated changes', () => {
    expect(MARKET_MAP_EFFECTIVE_DATES).toEqual(['2025-10-01', '2026-07-01', '2026-10-01']);
  });

  it.each([
    ['2026-03-02', 32],
    ['2026-07-01', 38],
    ['2026-10-01', 47],
  ])('has Meta’s market count on %s', (onDate, count) => {
    const markets = listMarkets(onDate);
    expect(markets).toHaveLength(count);
    expect(markets).toEqual([...markets].sort());
    expect(markets).toEqual(expect.arrayContaining(REGIONS));
  });

  it.each([
    ['US', '2026-01-01', 'North America'],
    ['ca', '2026-01-01', 'North America'],
    ['PR', '2026-01-01', 'Rest of Latin America'],
    ['BB', '2026-01-01', 'Other'],
    // Meta lists only Russia under +7, and "if a country is not listed below, it maps to Other".
    ['KZ', '2026-09-30', 'Other'],
    ['KZ', '2026-10-01', 'Kazakhstan'],
    ['JE', '2026-01-01', 'United Kingdom'],
    ['ZW', '2025-09-30', 'Other'],
    ['ZW', '2025-10-01', 'Rest of Africa'],
    ['RO', '2026-07-01', 'Romania'],
    ['LK', '2026-10-01', 'Sri Lanka'],
    ['LU', '2026-10-01', 'Other'],
    ['XX', '2026-10-01', 'Other'],
  ])('%s on %s → %s', (country, onDate, market) => {
    expect(marketOfCountry(country, onDate)).toBe(market);
  });

  it.each([
    ['rest of central and eastern europe', 'Rest of Central & Eastern Europe'],
    ['  Rest  of Central &Eastern Europe ', 'Rest of Central & Eastern Europe'],
    ['UNITED KINGDOM', 'United Kingdom'],
    ['Kazakhstan', 'Kazakhstan'],
    ['other', 'Other'],
    ['Atlantis', null],
  ])('normalizes %j', (name, canonical) => {
    expect(normalizeMarketName(name)).toBe(canonical);
  });
});
