import { selectRateCard } from '../select-rate-card.util';

const cards = [
  { id: 'usd-2025-07', currency: 'USD', effectiveFrom: '2025-07-01', importedSeq: 1 },
  { id: 'usd-2026-07-a', currency: 'USD', effectiveFrom: '2026-07-01', importedSeq: 2 },
  { id: 'usd-2026-07-b', currency: 'USD', effectiveFrom: '2026-07-01', importedSeq: 5 },
  { id: 'usd-2026-07-c', currency: 'USD', effectiveFrom: '2026-07-01', importedSeq: 3 },
  { id: 'usd-2026-10', currency: 'USD', effectiveFrom: '2026-10-01', importedSeq: 4 },
  { id: 'inr-2026-07', currency: 'INR', effectiveFrom: '2026-07-01', importedSeq: 6 },
];

describe('selectRateCard', () => {
  it.each([
    ['USD', '2025-06-30', null],
    ['USD', '2025-07-01', 'usd-2025-07'],
    ['USD', '2026-06-30', 'usd-2025-07'],
    ['USD', '2026-07-01', 'usd-2026-07-b'],
    ['USD', '2026-09-30', 'usd-2026-07-b'],
    ['USD', '2026-10-01', 'usd-2026-10'],
    ['INR', '2026-12-31', 'inr-2026-07'],
    ['EUR', '2026-12-31', null],
  ])('%s on %s → %s', (currency, localDate, id) => {
    expect(selectRateCard(cards, currency, localDate)?.id ?? null).toBe(id);
  });
});

describe('selectRateCard: imported and built-in cards of one date', () => {
  it('an imported card wins over a built-in one seeded after it', () => {
    const tied = [
      { id: 'imported', currency: 'USD', effectiveFrom: '2026-10-01', importedSeq: 7 },
      {
        id: 'built-in',
        currency: 'USD',
        effectiveFrom: '2026-10-01',
        importedSeq: 9,
        builtIn: true,
      },
    ];
    expect(selectRateCard(tied, 'USD', '2026-11-15')?.id).toBe('imported');
  });

  it('a later built-in card still wins over an earlier imported one', () => {
    const cardsByDate = [
      { id: 'imported', currency: 'USD', effectiveFrom: '2026-07-01', importedSeq: 9 },
      {
        id: 'built-in',
        currency: 'USD',
        effectiveFrom: '2026-10-01',
        importedSeq: 1,
        builtIn: true,
      },
    ];
    expect(selectRateCard(cardsByDate, 'USD', '2026-11-15')?.id).toBe('built-in');
  });
});
