import { buildRateCard } from '../build-rate-card.util';
import { rateFor, tierLadder } from '../rate-card-lookup.util';
import { RateCardImportError } from '../rate-card-import.error';

const RATES = [
  'Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service',
  'India,INR,0.8631,0.1150,0.1150,2.4971,n/a',
  'Hong Kong,INR,1.2,0.3,0.3,n/a,n/a',
].join('\n');
const TIERS = [
  'Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,',
  'India,INR,0,"25,000,000",List,0.1150,--,n/a,,,,,n/a,,,,',
  ',,"25,000,001",--,Tier,0.1093,-5%,,,,,,,,,,',
].join('\n');

function issuesOf(build: () => unknown) {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(RateCardImportError);
    return (error as RateCardImportError).issues;
  }
  throw new Error('expected the card to be refused');
}

describe('buildRateCard', () => {
  it('builds a card with rates and ladders', () => {
    const card = buildRateCard({
      name: 'INR July 2026',
      currency: 'inr',
      effectiveFrom: '2026-07-01',
      ratesCsv: RATES,
      volumeTiersCsv: TIERS,
    });
    expect(card).toMatchObject({
      name: 'INR July 2026',
      currency: 'INR',
      effectiveFrom: '2026-07-01',
    });
    expect(rateFor(card, 'India', 'AUTHENTICATION_INTERNATIONAL')).toBe('2.4971');
    expect(rateFor(card, 'India', 'SERVICE')).toBeNull();
    expect(rateFor(card, 'Brazil', 'UTILITY')).toBeNull();
    expect(tierLadder(card, 'India', 'UTILITY')).toEqual([
      { from: 0, to: 25000000, rate: '0.115', label: '0:25000000' },
      { from: 25000000, to: null, rate: '0.1093', label: '25000001:MAX' },
    ]);
    expect(tierLadder(card, 'India', 'AUTHENTICATION')).toBeNull();
  });

  it('refuses a market that does not exist yet on the card’s date, with its line', () => {
    expect(
      issuesOf(() =>
        buildRateCard({ name: 'n', currency: 'INR', effectiveFrom: '2026-04-01', ratesCsv: RATES }),
      ),
    ).toEqual([
      { line: 4, message: 'market "Hong Kong" is not in Meta\'s market map on 2026-04-01' },
    ]);
  });

  it('refuses bad metadata before reading the files', () => {
    expect(
      issuesOf(() =>
        buildRateCard({
          name: ' ',
          currency: 'RUPEE',
          effectiveFrom: '2026-02-30',
          ratesCsv: RATES,
        }),
      ),
    ).toEqual([
      { line: 0, message: 'name is empty' },
      { line: 0, message: 'currency "RUPEE" is not a 3-letter code' },
      { line: 0, message: 'effectiveFrom "2026-02-30" is not a calendar date YYYY-MM-DD' },
    ]);
  });

  it('reports the problems of both files together', () => {
    expect(
      issuesOf(() =>
        buildRateCard({
          name: 'n',
          currency: 'INR',
          effectiveFrom: '2026-07-01',
          ratesCsv: RATES.replace('0.8631', 'x'),
          volumeTiersCsv: TIERS.replace('"25,000,001"', '"25,000,002"'),
        }),
      ),
    ).toEqual([
      { line: 3, message: 'rates CSV: "x" is not a number' },
      {
        line: 3,
        message:
          'volume tiers CSV: India utility: gap: band starts at 25000002 but the previous band ends at 25000000',
      },
    ]);
  });

  it('refuses a card too large to store: a name over 200 characters, a CSV over 1 MiB', () => {
    expect(
      issuesOf(() =>
        buildRateCard({
          name: 'n'.repeat(201),
          currency: 'INR',
          effectiveFrom: '2026-07-01',
          ratesCsv: RATES,
          volumeTiersCsv: `${TIERS}\n${' '.repeat(1_048_576)}`,
        }),
      ),
    ).toEqual([
      { line: 0, message: 'name is 201 characters long; at most 200' },
      {
        line: 0,
        message: `the volume tiers CSV is ${TIERS.length + 1_048_577} characters long; at most 1048576 (1 MiB) are read`,
      },
    ]);
  });

  it('refuses a rate cell of more than 64 characters or 7 digits before the point', () => {
    const rates = (india: string) =>
      `Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\n${india}`;
    const build = (ratesCsv: string) => () =>
      buildRateCard({ name: 'x', currency: 'INR', effectiveFrom: '2026-07-01', ratesCsv });
    expect(issuesOf(build(rates(`India,INR,${'1'.repeat(52)}.5,0.1,0.1,n/a,n/a`)))).toEqual([
      {
        line: 2,
        message:
          'rates CSV: rate "' +
          '1'.repeat(52) +
          '.5" is too large (at most 7 digits before the decimal point)',
      },
    ]);
    expect(issuesOf(build(rates(`India,INR,${'0'.repeat(65)},0.1,0.1,n/a,n/a`)))).toEqual([
      { line: 2, message: 'rates CSV: a rate cell of 65 characters (at most 64)' },
    ]);
    const card = buildRateCard({
      name: 'x',
      currency: 'INR',
      effectiveFrom: '2026-07-01',
      ratesCsv: rates('India,INR,"9,999,999.999999",0.1,0.1,n/a,n/a'),
    });
    expect(rateFor(card, 'India', 'MARKETING')).toBe('9999999.999999');
  });
});
