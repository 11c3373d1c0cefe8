import fc from 'fast-check';
import { money, toDecimalString } from '../../money';
import { priceGraduated } from '../price-graduated.util';
import type { TierBand } from '../rate-card.types';

const TWO_BANDS: TierBand[] = [
  { from: 0, to: 1000, rate: '0.01', label: '0:1000' },
  { from: 1000, to: null, rate: '0.009', label: '1001:MAX' },
];

const INDIA_LIKE: TierBand[] = [
  { from: 0, to: 750000, rate: '0.115', label: '0:750000' },
  { from: 750000, to: 15000000, rate: '0.1081', label: '750001:15000000' },
  { from: 15000000, to: null, rate: '0.1012', label: '15000001:MAX' },
];

describe('priceGraduated', () => {
  it.each([
    [
      'crossing a boundary',
      TWO_BANDS,
      999,
      3,
      '0.029',
      [
        { label: '0:1000', quantity: 2, rate: '0.01', amount: '0.02' },
        { label: '1001:MAX', quantity: 1, rate: '0.009', amount: '0.009' },
      ],
    ],
    ['zero messages', TWO_BANDS, 5, 0, '0', []],
    [
      'inside the first band',
      TWO_BANDS,
      1,
      1000,
      '10',
      [{ label: '0:1000', quantity: 1000, rate: '0.01', amount: '10' }],
    ],
    [
      'starting past the first band',
      TWO_BANDS,
      1001,
      1,
      '0.009',
      [{ label: '1001:MAX', quantity: 1, rate: '0.009', amount: '0.009' }],
    ],
    [
      'a huge count exactly',
      TWO_BANDS,
      1,
      9_000_000_000_000,
      '81000000001',
      [
        { label: '0:1000', quantity: 1000, rate: '0.01', amount: '10' },
        { label: '1001:MAX', quantity: 8_999_999_999_000, rate: '0.009', amount: '80999999991' },
      ],
    ],
    [
      'three bands',
      INDIA_LIKE,
      700001,
      20_000_000,
      '2123015',
      [
        { label: '0:750000', quantity: 50000, rate: '0.115', amount: '5750' },
        { label: '750001:15000000', quantity: 14250000, rate: '0.1081', amount: '1540425' },
        { label: '15000001:MAX', quantity: 5700000, rate: '0.1012', amount: '576840' },
      ],
    ],
    [
      'no ladder at the list rate',
      null,
      42,
      3,
      '0.075',
      [{ label: '0:MAX', quantity: 3, rate: '0.025', amount: '0.075' }],
    ],
  ])('%s', (_case, ladder, firstOrdinal, count, amount, bands) => {
    expect(priceGraduated(ladder, '0.025', firstOrdinal, count)).toEqual({ amount, bands });
  });

  it('refuses ordinals below 1, negative or fractional counts and uncovered ordinals', () => {
    expect(() => priceGraduated(TWO_BANDS, '0.01', 0, 1)).toThrow(RangeError);
    expect(() => priceGraduated(TWO_BANDS, '0.01', 1, -1)).toThrow(RangeError);
    expect(() => priceGraduated(TWO_BANDS, '0.01', 1, 1.5)).toThrow(RangeError);
    expect(() => priceGraduated([TWO_BANDS[0]], '0.01', 999, 3)).toThrow(RangeError);
  });

  it('prices a run split anywhere the same as the whole run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (first, count, cut) => {
          const split = Math.min(cut, count);
          const whole = priceGraduated(INDIA_LIKE, '0.115', first, count).amount;
          const head = priceGraduated(INDIA_LIKE, '0.115', first, split).amount;
          const tail = priceGraduated(INDIA_LIKE, '0.115', first + split, count - split).amount;
          expect(toDecimalString(money(head).plus(tail))).toBe(whole);
        },
      ),
    );
  });
});
